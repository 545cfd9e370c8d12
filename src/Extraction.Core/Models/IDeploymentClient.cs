namespace Extraction.Core.Models;

/// <summary>
/// The provider seam: one call to one deployment for one account, classified. An adapter (Azure OpenAI
/// today: <c>Models.OpenAI.ChatCall</c>) never throws for anything the model or its server does; only the
/// caller's own cancellation escapes. Retries, deadlines, budgets, fallback and checks are not its business.
/// </summary>
public interface IDeploymentClient
{
    /// <param name="deadline">Fires when the call has run out of time: the attempt ends <c>timeout</c>.</param>
    /// <param name="cancellationToken">The caller's own cancellation, which escapes as such.</param>
    Task<CallResult> SendAsync(string deployment, ExtractionRequest request, CancellationToken deadline, CancellationToken cancellationToken);
}
