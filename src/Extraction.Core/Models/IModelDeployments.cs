namespace Extraction.Core.Models;

/// <summary>The control-plane seam: make a fine-tuned model a deployment that answers chat calls, or take one away.</summary>
public interface IModelDeployments
{
    /// <summary>Creates (or updates) <paramref name="deployment"/> serving <paramref name="model"/>; returns once it is provisioned.</summary>
    Task DeployAsync(string deployment, string model, CancellationToken cancellationToken = default);

    Task DeleteAsync(string deployment, CancellationToken cancellationToken = default);
}
