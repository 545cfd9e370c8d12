using System.Net;
using Extraction.Core.Review;
using Extraction.Core.Storage;
using Extraction.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

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
    public async Task<HttpResponseData> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reviews")] HttpRequestData request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (PartnerHeader.Read(request) is not { } partner)
        {
            return await Problem.CreateAsync(request, HttpStatusCode.BadRequest, "Missing or invalid partner", $"Send the {PartnerHeader.Name} header.");
        }

        var items = new List<ReviewItem>();
        await foreach (var item in queue.ListAsync(partner, request.Query["batchId"], cancellationToken))
        {
            items.Add(item);
        }

        return await Json.CreateAsync(request, HttpStatusCode.OK, new { items });
    }

    [Function("CorrectAccount")]
    public async Task<HttpResponseData> CorrectAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "batches/{batchId}/accounts/{accountId}/correction")] HttpRequestData request,
        string batchId,
        string accountId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (PartnerHeader.Read(request) is not { } partner || !BatchRef.IsValidBatchId(batchId))
        {
            return await Problem.CreateAsync(request, HttpStatusCode.BadRequest, "Missing partner or invalid batch id", $"Send the {PartnerHeader.Name} header; batch ids are A-Z a-z 0-9 . _ -.");
        }

        var reviewer = request.Headers.TryGetValues(ReviewerHeader, out var values) ? values.FirstOrDefault() ?? "" : "";
        var body = await new StreamReader(request.Body).ReadToEndAsync(cancellationToken);
        var outcome = await reviews.CorrectAsync(new BatchRef(partner, batchId), accountId, body, reviewer, cancellationToken);
        return outcome.Status switch
        {
            CorrectionStatus.Corrected => await Json.CreateAsync(request, HttpStatusCode.OK, outcome.Result),
            CorrectionStatus.NotFound => await Problem.CreateAsync(request, HttpStatusCode.NotFound, "No such account", outcome.Problem!),
            CorrectionStatus.NotCorrectable or CorrectionStatus.Conflict => await Problem.CreateAsync(request, HttpStatusCode.Conflict, "The account cannot be corrected now", outcome.Problem!),
            _ => await Problem.CreateAsync(request, HttpStatusCode.BadRequest, "Invalid correction", outcome.Problem!),
        };
    }
}
