using System.Text.RegularExpressions;
using Azure;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Prompting;
using Extraction.Core.Storage;
using Extraction.Core.Training;
using Microsoft.Extensions.Logging;

namespace Extraction.Core.Review;

/// <summary>
/// A person's correction of an account: the fields (fields.v1, checked like a model's answer) become
/// the result, now <c>extracted</c> with the person as its source, the account leaves the review
/// queue, and the fields are kept as a verified label for training.
/// </summary>
[Singleton]
public sealed partial class ReviewService(
    ResultStore results, ReviewQueue queue, VerifiedLabels labels, TrainingCandidates training, ILogger<ReviewService> logger)
{
    public const string HumanPrefix = "human:";
    public const string HumanReviewCheck = "human_review";

    public async Task<CorrectionOutcome> CorrectAsync(BatchRef batch, string accountId, string fieldsJson, string reviewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (!ReviewerPattern().IsMatch(reviewer ?? ""))
        {
            return CorrectionOutcome.Refused(CorrectionStatus.InvalidFields, "The reviewer is 1–64 characters of A-Z a-z 0-9 . _ @ -.");
        }

        if (!AnswerParser.TryParse(fieldsJson, out var fields, out var problem))
        {
            return CorrectionOutcome.Refused(CorrectionStatus.InvalidFields, $"The corrected fields are not fields.v1: {problem}.");
        }

        if (await results.FindAccountAsync(batch, accountId, cancellationToken).ConfigureAwait(false) is not var (stored, etag))
        {
            return CorrectionOutcome.Refused(CorrectionStatus.NotFound, $"Batch {batch.BatchId} has no account {accountId}.");
        }

        var current = stored.Result;
        if (current.Status is not (ResultStatus.NeedsReview or ResultStatus.Extracted or ResultStatus.Failed))
        {
            return CorrectionOutcome.Refused(CorrectionStatus.NotCorrectable, $"Account {accountId} is {ContractJson.WireName(current.Status)}; only needs_review, failed or extracted results can be corrected.");
        }

        var corrected = current with
        {
            Status = ResultStatus.Extracted,
            Fields = fields,
            Model = HumanPrefix + reviewer,
            Reason = null,
            Checks = [.. current.Checks, new CheckResult(HumanReviewCheck, true, $"fields set by {reviewer}")],
        };
        try
        {
            await results.ReplaceAsync(batch, stored.Line, corrected, etag, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return CorrectionOutcome.Refused(CorrectionStatus.Conflict, $"Account {accountId} changed while it was being corrected; read it again.");
        }

        await labels.SaveAsync(batch, stored.Line, corrected, reviewer!, cancellationToken).ConfigureAwait(false);
        if (corrected.RawOutput is not null)
        {
            await training.RecordAsync(batch, stored.Line, corrected, TrainingSource.Human, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await queue.RemoveAsync(batch, stored.Line, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // An extracted or failed result that was never queued: nothing to remove.
        }

        logger.LogInformation("Line {Line} of {Partner}/{BatchId} corrected by a reviewer", stored.Line, batch.Partner, batch.BatchId);
        return new CorrectionOutcome(CorrectionStatus.Corrected, corrected, null);
    }

    [GeneratedRegex(@"\A[A-Za-z0-9._@-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ReviewerPattern();
}
