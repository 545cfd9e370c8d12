using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Models;
using Extraction.Core.Review;
using Extraction.Core.Storage;
using Extraction.Core.Training;

namespace Extraction.Core.Activities;

/// <summary>
/// Everything that follows an account's answer, wherever it was made: the raw record, then the result
/// row (overwrites at deterministic keys), then the review queue or the training candidates, then the
/// call metrics. Many answers at once share table transactions (up to 100 rows of a partition each);
/// every raw record is written before any result row that names it.
/// </summary>
[Singleton]
public sealed class AccountResultRecorder(
    ResultStore results, RawRecordStore rawRecords, ReviewQueue reviews, TrainingCandidates training, IPipelineTelemetry telemetry, TimeProvider time)
{
    private const int ParallelUploads = 16;

    /// <summary>The account's result.v1 record for <paramref name="answer"/>, naming where its raw record goes.</summary>
    public ExtractionResult ResultOf(BatchRef batch, int line, BatchItem account, ModelAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(account);
        return ResultFactory.FromAnswer(account.AccountId, answer, rawRecords.LocationOf(batch, line, account.AccountId).ToString());
    }

    /// <summary>
    /// Records an account of a batch once: its result made from <paramref name="answer"/> — <c>failed</c> with
    /// <paramref name="closedBecause"/> where the batch was closed while the model answered (its cost and raw record
    /// kept) — then written as <see cref="RecordManyAsync"/> writes. Returns the result as stored.
    /// </summary>
    public async Task<ExtractionResult> RecordAsync(BatchRef batch, int line, BatchItem account, ModelAnswer answer, string? closedBecause, CancellationToken cancellationToken = default)
    {
        var result = ResultOf(batch, line, account, answer);
        if (closedBecause is not null)
        {
            result = result with { Status = ResultStatus.Failed, Fields = null, Reason = closedBecause };
        }

        await RecordManyAsync([new AnsweredAccount(batch, line, account, answer, result)], cancellationToken).ConfigureAwait(false);
        return result;
    }

    public async Task RecordManyAsync(IReadOnlyList<AnsweredAccount> answered, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answered);
        await Parallel.ForEachAsync(answered, new ParallelOptions { MaxDegreeOfParallelism = ParallelUploads, CancellationToken = cancellationToken }, async (a, token) =>
            await rawRecords.WriteAsync(a.Batch, RawOf(a), token).ConfigureAwait(false)).ConfigureAwait(false);

        foreach (var batch in answered.GroupBy(a => a.Batch))
        {
            await results.PutManyAsync(batch.Key, [.. batch.Select(a => new StoredResult(a.Line, a.Result))], cancellationToken).ConfigureAwait(false);
        }

        await reviews.EnqueueManyAsync([.. answered.Where(NeedsReview).Select(a => (a.Batch, a.Line, a.Result))], cancellationToken).ConfigureAwait(false);
        await training.ConsiderManyAsync([.. answered.Where(a => !NeedsReview(a)).Select(a => (a.Batch, a.Line, a.Result))], cancellationToken).ConfigureAwait(false);
        foreach (var a in answered)
        {
            foreach (var attempt in a.Answer.Attempts)
            {
                telemetry.ModelCall(a.Batch.Partner, attempt, a.Result.Status);
            }
        }
    }

    private static bool NeedsReview(AnsweredAccount a) => a.Result.Status == ResultStatus.NeedsReview;

    private RawRecord RawOf(AnsweredAccount a) =>
        new(a.Batch.Partner, a.Batch.BatchId, a.Line, a.Account.AccountId, a.Account.LiabilityType,
            a.Account.Source.Kind, a.Answer.Model, a.Answer.Attempts, a.Result, time.GetUtcNow(), a.Account);
}
