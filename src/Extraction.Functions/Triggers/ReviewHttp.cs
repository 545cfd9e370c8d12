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

    [Function("ListReviews")]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reviews")] HttpRequest request, CancellationToken cancellationToken)
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
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "batches/{batchId}/accounts/{accountId}/correction")] HttpRequest request,
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
            return Problem.Of(StatusCodes.Status400BadRequest, "Invalid batch id", "Batch ids are A-Z a-z 0-9 . _ -.");
        }

        var body = await new StreamReader(request.Body).ReadToEndAsync(cancellationToken);
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
