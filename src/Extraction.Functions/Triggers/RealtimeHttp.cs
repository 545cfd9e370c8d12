using Extraction.Core.Access;
using Extraction.Core.Realtime;
using Extraction.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Extraction.Functions.Triggers;

/// <summary>
/// <c>POST /api/extract</c>: one batch.v1 account as JSON, answered synchronously with its result.v1
/// (an <c>over_budget</c> or <c>failed</c> result is still a 200: it is the account's answer). The
/// result is filed at the batch and line named in <c>x-batch-id</c> and <c>x-batch-line</c>.
/// </summary>
public sealed class RealtimeHttp(RealtimeExtraction extraction, CallerAuthenticator callers)
{
    [Function("ExtractAccount")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Extract)] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var access = await callers.PartnerAsync(request, cancellationToken);
        if (access.Caller?.Name is not { } partner)
        {
            return RequestAccess.Refused(request, access);
        }

        if (request.ContentType?.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return Problem.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", "Send one batch.v1 account as application/json.");
        }

        var outcome = await extraction.ExtractAsync(partner, request.Body, request.ContentLength, cancellationToken);
        if (outcome.Problem is { } problem)
        {
            return Problem.Of(problem);
        }

        request.HttpContext.Response.Headers["x-batch-id"] = outcome.Batch!.BatchId;
        request.HttpContext.Response.Headers["x-batch-line"] = outcome.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Json.Of(StatusCodes.Status200OK, outcome.Result);
    }
}
