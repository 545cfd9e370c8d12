using Microsoft.AspNetCore.Http;

namespace Extraction.Functions.Http;

/// <summary>Where a partner follows its batch: this API's own routes, not the Durable management webhooks.</summary>
public sealed record BatchLinks(string BatchId, string StatusUri, string ResultsUri, string CancelUri)
{
    public static BatchLinks For(HttpRequest request, string batchId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var root = $"{request.Scheme}://{request.Host}{request.PathBase}/{Routes.Prefix}/{Routes.Batch.Replace("{batchId}", Uri.EscapeDataString(batchId), StringComparison.Ordinal)}";
        return new BatchLinks(batchId, root, $"{root}/results", $"{root}/cancel");
    }
}
