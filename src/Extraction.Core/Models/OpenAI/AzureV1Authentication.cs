using System.ClientModel.Primitives;
using Azure.Core;

namespace Extraction.Core.Models.OpenAI;

/// <summary>
/// Authentication for Azure OpenAI's v1 routes (<c>/openai/v1/…</c>) reached with the plain OpenAI client:
/// the key in Azure's <c>api-key</c> header, or a Microsoft Entra token for the managed identity, refreshed
/// five minutes before it expires. Runs last, so it replaces whatever the client put there.
/// </summary>
internal sealed class AzureV1Authentication : PipelinePolicy
{
    private static readonly TokenRequestContext Scope = new(["https://cognitiveservices.azure.com/.default"]);
    private readonly string? _apiKey;
    private readonly TokenCredential? _credential;
    private AccessToken _token;

    private AzureV1Authentication(string? apiKey, TokenCredential? credential) => (_apiKey, _credential) = (apiKey, credential);

    public static AzureV1Authentication WithKey(string apiKey) => new(apiKey, null);

    public static AzureV1Authentication WithIdentity(TokenCredential credential) => new(null, credential);

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ArgumentNullException.ThrowIfNull(message);
        Authorize(message.Request, _credential is null ? null : TokenAsync(message.CancellationToken).AsTask().GetAwaiter().GetResult());
        ProcessNext(message, pipeline, currentIndex);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ArgumentNullException.ThrowIfNull(message);
        Authorize(message.Request, _credential is null ? null : await TokenAsync(message.CancellationToken).ConfigureAwait(false));
        await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
    }

    private void Authorize(PipelineRequest request, string? token)
    {
        if (token is not null)
        {
            request.Headers.Set("Authorization", $"Bearer {token}");
            return;
        }

        request.Headers.Remove("Authorization");
        request.Headers.Set("api-key", _apiKey!);
    }

    private async ValueTask<string> TokenAsync(CancellationToken cancellationToken)
    {
        if (_token.ExpiresOn > DateTimeOffset.UtcNow.AddMinutes(5))
        {
            return _token.Token;
        }

        // Calls here are rare (uploads, job reads): two refreshing at once is harmless, so no lock.
        _token = await _credential!.GetTokenAsync(Scope, cancellationToken).ConfigureAwait(false);
        return _token.Token;
    }
}
