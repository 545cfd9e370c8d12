using System.Net;
using Extraction.Core.Realtime;
using Extraction.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace Extraction.Functions.Triggers;

/// <summary>
/// <c>POST /api/extract</c>: one batch.v1 account as JSON, answered synchronously with its result.v1
/// (an <c>over_budget</c> or <c>failed</c> result is still a 200: it is the account's answer). The
/// result is filed under the one-account batch named in <c>x-batch-id</c>.
/// </summary>
public sealed class RealtimeHttp(RealtimeExtraction extraction)
{
    [Function("ExtractAccount")]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "extract")] HttpRequestData request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (PartnerHeader.Read(request) is not { } partner)
        {
            return await Problem.CreateAsync(request, HttpStatusCode.Unauthorized, "Unknown partner", $"Send the {PartnerHeader.Name} header.");
        }

        var contentType = request.Headers.TryGetValues("Content-Type", out var types) ? types.FirstOrDefault() : null;
        if (contentType?.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return await Problem.CreateAsync(request, HttpStatusCode.UnsupportedMediaType, "Unsupported content type", "Send one batch.v1 account as application/json.");
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        var outcome = await extraction.ExtractAsync(partner, body.ToArray(), cancellationToken);
        if (outcome.Problem is { } problem)
        {
            return await Problem.CreateAsync(request, (HttpStatusCode)problem.Status, problem.Title, problem.Detail);
        }

        var response = await Json.CreateAsync(request, HttpStatusCode.OK, outcome.Result);
        response.Headers.Add("x-batch-id", outcome.Batch!.BatchId);
        return response;
    }
}
