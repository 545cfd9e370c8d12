using Extraction.Core.Access;
using Extraction.Core.Batches;
using Extraction.Core.Contracts;
using Extraction.Core.Review;
using Extraction.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Extraction.Functions.Triggers;

/// <summary>
/// The review queue over HTTP. <c>GET /api/reviews[?batchId=]</c>: a partner's own waiting accounts (its key).
/// <c>GET /api/partners/{partner}/reviews</c>: the same for a reviewer of that partner. <c>POST
/// /api/partners/{partner}/batches/{batchId}/accounts/{accountId}/correction</c> with fields.v1 as the body:
/// a reviewer corrects an account that waits for review (<c>?reopen=true</c> for one that does not, logged);
/// the reviewer is the key's owner. A partner key never corrects: what a correction says is taught to the model.
/// <c>GET /api/partners/{partner}/batches/{batchId}/accounts/{accountId}/review</c>: the result and, for each field in
/// doubt, the document's lines around its value.
/// </summary>
public sealed class ReviewHttp(ReviewQueue queue, ReviewService reviews, ReviewEvidence evidence, CallerAuthenticator callers)
{
    /// <summary>fields.v1 is a few hundred bytes; the limit only keeps a body from being buffered whole.</summary>
    public const int MaxCorrectionBytes = 64 * 1024;

    [Function("ListReviews")]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Reviews)] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var access = await callers.PartnerAsync(request, cancellationToken);
        return access.Caller is { } caller ? await ListOfAsync(request, caller.Name, cancellationToken) : RequestAccess.Refused(request, access);
    }

    [Function("ListPartnerReviews")]
    public async Task<IActionResult> ListForPartnerAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.PartnerReviews)] HttpRequest request, string partner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!BatchRef.IsValidPartner(partner))
        {
            return Problem.Of(StatusCodes.Status400BadRequest, "Invalid partner", $"The partner is not valid: {BatchRef.PartnerRule}.");
        }

        var access = await callers.PartnerOrReviewerAsync(request, partner, cancellationToken);
        return access.Allowed ? await ListOfAsync(request, partner, cancellationToken) : RequestAccess.Refused(request, access);
    }

    [Function("ReviewAccount")]
    public async Task<IActionResult> ReviewAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.AccountReview)] HttpRequest request,
        string partner,
        string batchId,
        string accountId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (_, refused) = await AccountAccessAsync(request, partner, batchId, callers.PartnerOrReviewerAsync, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        return await evidence.ForAsync(new BatchRef(partner, batchId), accountId, cancellationToken) is { } review
            ? Json.Of(StatusCodes.Status200OK, review)
            : Problem.Of(StatusCodes.Status404NotFound, "No such account", $"Batch {batchId} has no account {accountId}.");
    }

    [Function("CorrectAccount")]
    public async Task<IActionResult> CorrectAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Correction)] HttpRequest request,
        string partner,
        string batchId,
        string accountId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (access, refused) = await AccountAccessAsync(request, partner, batchId, callers.ReviewerAsync, cancellationToken);
        if (refused is not null || access!.Caller is not { } reviewer)
        {
            return refused!;
        }

        if (await BoundedRead.ReadAsync(request.Body, request.ContentLength, MaxCorrectionBytes, cancellationToken) is not { } bytes)
        {
            return Problem.Of(StatusCodes.Status413PayloadTooLarge, "Correction too large", $"A correction is a fields.v1 object of at most {MaxCorrectionBytes:N0} bytes.");
        }

        if (Utf8Text.TryDecode(bytes, out var invalidAt) is not { } body)
        {
            return Problem.Of(StatusCodes.Status400BadRequest, "Not UTF-8", $"The body is not valid UTF-8 (byte {invalidAt}).");
        }

        var reopen = request.Query["reopen"] is { Count: 1 } values && values[0] == "true";
        var outcome = await reviews.CorrectAsync(new BatchRef(partner, batchId), accountId, body, reviewer.Name, reopen, cancellationToken);
        return outcome.Status switch
        {
            CorrectionStatus.Corrected => Json.Of(StatusCodes.Status200OK, outcome.Result),
            CorrectionStatus.NotFound => Problem.Of(StatusCodes.Status404NotFound, "No such account", outcome.Problem!),
            CorrectionStatus.NotCorrectable or CorrectionStatus.Conflict or CorrectionStatus.NotQueued =>
                Problem.Of(StatusCodes.Status409Conflict, "The account cannot be corrected now", outcome.Problem!),
            _ => Problem.Of(StatusCodes.Status400BadRequest, "Invalid correction", outcome.Problem!),
        };
    }

    /// <summary>An account route's partner and batch checked, then the caller as <paramref name="ask"/> decides.</summary>
    private static async Task<(AccessDecision? Access, IActionResult? Refused)> AccountAccessAsync(
        HttpRequest request, string partner, string batchId, Func<HttpRequest, string, CancellationToken, Task<AccessDecision>> ask, CancellationToken cancellationToken)
    {
        if (!BatchRef.IsValidPartner(partner) || !BatchRef.IsValidBatchId(batchId))
        {
            return (null, Problem.Of(StatusCodes.Status400BadRequest, "Invalid partner or batch id", $"{BatchRef.PartnerRule}; {BatchRef.BatchIdRule}."));
        }

        var access = await ask(request, partner, cancellationToken);
        return access.Allowed ? (access, null) : (access, RequestAccess.Refused(request, access));
    }

    private async Task<IActionResult> ListOfAsync(HttpRequest request, string partner, CancellationToken cancellationToken)
    {
        var items = new List<ReviewItem>();
        await foreach (var item in queue.ListAsync(partner, request.Query["batchId"].FirstOrDefault(), cancellationToken))
        {
            items.Add(item);
        }

        return Json.Of(StatusCodes.Status200OK, new { items });
    }
}
