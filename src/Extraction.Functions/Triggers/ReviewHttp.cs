using Extraction.Core.Batches;
using Extraction.Core.Contracts;
using Extraction.Core.Review;
using Extraction.Core.Storage;
using Extraction.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Extraction.Functions.Triggers;

/// <summary>
/// The review queue over HTTP: <c>GET /api/reviews[?batchId=]</c> lists the partner's waiting accounts;
/// <c>POST /api/batches/{batchId}/accounts/{accountId}/correction</c> with fields.v1 as the body and the
/// reviewer in <c>x-reviewer</c> corrects one.
/// </summary>
public sealed class ReviewHttp(ReviewQueue queue, ReviewService reviews)
{
    public const string ReviewerHeader = "x-reviewer";

    /// <summary>fields.v1 is a few hundred bytes; the limit only keeps a body from being buffered whole.</summary>
    public const int MaxCorrectionBytes = 64 * 1024;

    [Function("ListReviews")]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.Reviews)] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (PartnerHeader.Read(request) is not { } partner)
        {
            return PartnerHeader.Missing();
        }

        var items = new List<ReviewItem>();
        await foreach (var item in queue.ListAsync(partner, request.Query["batchId"].FirstOrDefault(), cancellationToken))
        {
            items.Add(item);
        }

        return Json.Of(StatusCodes.Status200OK, new { items });
    }

    [Function("CorrectAccount")]
    public async Task<IActionResult> CorrectAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.Correction)] HttpRequest request,
        string batchId,
        string accountId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (PartnerHeader.Read(request) is not { } partner)
        {
            return PartnerHeader.Missing();
        }

        if (!BatchRef.IsValidBatchId(batchId))
        {
            return Problem.Of(StatusCodes.Status400BadRequest, "Invalid batch id", $"The batch id is not valid: {BatchRef.BatchIdRule}.");
        }

        if (await BoundedRead.ReadAsync(request.Body, request.ContentLength, MaxCorrectionBytes, cancellationToken) is not { } bytes)
        {
            return Problem.Of(StatusCodes.Status413PayloadTooLarge, "Correction too large", $"A correction is a fields.v1 object of at most {MaxCorrectionBytes:N0} bytes.");
        }

        if (Utf8Text.TryDecode(bytes, out var invalidAt) is not { } body)
        {
            return Problem.Of(StatusCodes.Status400BadRequest, "Not UTF-8", $"The body is not valid UTF-8 (byte {invalidAt}).");
        }

        var outcome = await reviews.CorrectAsync(new BatchRef(partner, batchId), accountId, body, request.Headers[ReviewerHeader].FirstOrDefault() ?? "", cancellationToken);
        return outcome.Status switch
        {
            CorrectionStatus.Corrected => Json.Of(StatusCodes.Status200OK, outcome.Result),
            CorrectionStatus.NotFound => Problem.Of(StatusCodes.Status404NotFound, "No such account", outcome.Problem!),
            CorrectionStatus.NotCorrectable or CorrectionStatus.Conflict => Problem.Of(StatusCodes.Status409Conflict, "The account cannot be corrected now", outcome.Problem!),
            _ => Problem.Of(StatusCodes.Status400BadRequest, "Invalid correction", outcome.Problem!),
        };
    }
}
