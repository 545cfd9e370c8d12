using System.Text.RegularExpressions;
using Azure;
using Extraction.Core.Checks;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Prompting;
using Extraction.Core.Storage;
using Extraction.Core.Training;
using Microsoft.Extensions.Logging;

namespace Extraction.Core.Review;

/// <summary>
/// A person's correction of an account: the fields (fields.v1, parsed like a model's answer) become
/// the result, now <c>extracted</c> with the person as its source, the account leaves the review
/// queue, and the fields are kept as a verified label for training. The checks are run again on the
/// person's fields against the document (from the raw record); one that still fails is the person's
/// call, kept as passed with "overridden by …" and named in the <c>human_review</c> check.
/// </summary>
[Singleton]
public sealed partial class ReviewService(
    ResultStore results, ReviewQueue queue, VerifiedLabels labels, TrainingCandidates training, RawRecordStore rawRecords, AnswerChecker checker,
    CorrectionAudit audit, TimeProvider time, ILogger<ReviewService> logger)
{
    public const string HumanPrefix = "human:";
    public const string HumanReviewCheck = "human_review";

    /// <summary>What became of a correction for training (the audit's outcome).</summary>
    public const string Taught = "taught", Confirmed = "confirmed_by_second_reviewer", AwaitingSecondReviewer = "awaiting_second_reviewer", NotTaught = "not_taught_no_document";

    /// <param name="reopen">Correct an account that is not waiting for review (an extracted or failed one): an explicit, logged act.</param>
    public async Task<CorrectionOutcome> CorrectAsync(
        BatchRef batch, string accountId, string fieldsJson, string reviewer, bool reopen = false, CancellationToken cancellationToken = default)
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

        var (queued, proposal) = await queue.FindAsync(batch, stored.Line, cancellationToken).ConfigureAwait(false);
        if (!queued && !reopen)
        {
            return CorrectionOutcome.Refused(CorrectionStatus.NotQueued,
                $"Account {accountId} is not waiting for review; a reviewer may reopen it explicitly (reopen=true), which is logged.");
        }

        var review = await ReviewAsync(current, fields!, cancellationToken).ConfigureAwait(false);
        var fieldsJsonNormal = ContractJson.Serialize(fields);
        var ungrounded = review.Overridden.Contains(GroundingCheck.CheckName);
        var confirmed = ungrounded && proposal is { } p && p.Reviewer != reviewer && p.Fields == fieldsJsonNormal;
        var outcome = review.Document is null ? NotTaught : !ungrounded ? Taught : confirmed ? Confirmed : AwaitingSecondReviewer;
        var corrected = current with
        {
            Status = ResultStatus.Extracted,
            Fields = fields,
            Model = HumanPrefix + reviewer,
            Reason = null,
            Checks = ChecksOf(review, reviewer!, outcome, confirmed ? proposal!.Value.Reviewer : null),
        };
        // Audited before it takes effect: a crash in between leaves an entry too many, never a correction unrecorded.
        await audit.AppendAsync(new AuditEntry(
            time.GetUtcNow(), batch.Partner, batch.BatchId, stored.Line, accountId, reviewer!, !queued, ContractJson.WireName(current.Status), current.Model, current.Fields,
            fields!, review.Overridden, outcome), cancellationToken).ConfigureAwait(false);
        try
        {
            await results.ReplaceAsync(batch, stored.Line, corrected, etag, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return CorrectionOutcome.Refused(CorrectionStatus.Conflict, $"Account {accountId} changed while it was being corrected; read it again.");
        }

        var taught = outcome is Taught or Confirmed;
        await labels.SaveAsync(batch, stored.Line, corrected, reviewer!, taught, cancellationToken).ConfigureAwait(false);
        if (taught)
        {
            await training.RecordAsync(batch, stored.Line, corrected, TrainingSource.Human, cancellationToken).ConfigureAwait(false);
        }

        if (outcome == AwaitingSecondReviewer)
        {
            // Values written nowhere in the document are one person's word: the account waits for a second reviewer.
            // Queued afresh (a concurrent correction may have removed the row), then the proposal on it.
            await queue.EnqueueManyAsync([(batch, stored.Line, corrected)], cancellationToken).ConfigureAwait(false);
            await queue.ProposeAsync(batch, stored.Line, reviewer!, fieldsJsonNormal,
                $"{reviewer} set values not written in the document; a second reviewer confirms them by sending the same fields.", cancellationToken).ConfigureAwait(false);
        }
        else if (queued)
        {
            try
            {
                await queue.RemoveAsync(batch, stored.Line, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Another correction of the same account removed it first.
            }
        }

        if (queued)
        {
            logger.LogInformation("Line {Line} of {Partner}/{BatchId} corrected by reviewer {Reviewer}: {Outcome}", stored.Line, batch.Partner, batch.BatchId, reviewer, outcome);
        }
        else
        {
            logger.LogWarning("Line {Line} of {Partner}/{BatchId} reopened and corrected by reviewer {Reviewer} (it was {Status}): {Outcome}",
                stored.Line, batch.Partner, batch.BatchId, reviewer, ContractJson.WireName(current.Status), outcome);
        }

        return new CorrectionOutcome(CorrectionStatus.Corrected, corrected, null);
    }

    /// <summary>The checks of the person's fields, as the pipeline would run them on that document (null where it is not at hand).</summary>
    private async Task<(BatchItem? Document, IReadOnlyList<CheckResult> Checks, IReadOnlyList<string> Overridden)> ReviewAsync(
        ExtractionResult current, ExtractedFields fields, CancellationToken cancellationToken)
    {
        var document = current.RawOutput is null ? null : (await rawRecords.ReadAsync(current.RawOutput, cancellationToken).ConfigureAwait(false))?.Input;
        if (document is null)
        {
            return (null, [], []);
        }

        var recomputed = checker.Run(document, fields);
        return (document, recomputed, [.. recomputed.Where(c => !c.Passed).Select(c => c.Name)]);
    }

    /// <summary>The person's checks: each one that still fails is theirs to overrule, and <c>human_review</c> says so and whether it is taught.</summary>
    private static IReadOnlyList<CheckResult> ChecksOf(
        (BatchItem? Document, IReadOnlyList<CheckResult> Checks, IReadOnlyList<string> Overridden) review, string reviewer, string outcome, string? confirmedBy)
    {
        if (review.Document is null)
        {
            return [new CheckResult(HumanReviewCheck, true, $"fields set by {reviewer}; the checks were not run again: the document is not at hand (no raw record); not taught")];
        }

        var detail = review.Overridden.Count == 0
            ? $"fields set by {reviewer}; every check passes on them"
            : $"fields set by {reviewer}; overrode {string.Join(", ", review.Overridden)}";
        detail += outcome switch
        {
            Confirmed => $"; confirmed by {confirmedBy}",
            AwaitingSecondReviewer => "; not taught until a second reviewer confirms the values the document does not state",
            _ => "",
        };
        return [.. review.Checks.Select(c => c.Passed ? c : c with { Passed = true, Detail = $"overridden by {reviewer}: {c.Detail}" }), new CheckResult(HumanReviewCheck, true, detail)];
    }

    [GeneratedRegex(@"\A[A-Za-z0-9._@-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ReviewerPattern();
}
