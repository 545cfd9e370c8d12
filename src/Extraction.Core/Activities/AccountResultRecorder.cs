using Extraction.Core.Contracts;
using Extraction.Core.Models;
using Extraction.Core.Review;
using Extraction.Core.Storage;
using Extraction.Core.Telemetry;
using Extraction.Core.Training;

namespace Extraction.Core.Activities;

/// <summary>
/// Everything that follows an account's answer, wherever it was made: the raw record, then the result
/// row (overwrites at deterministic keys), then the review queue or the training candidates, then the
/// call metrics.
/// </summary>
public sealed class AccountResultRecorder(
    ResultStore results, RawRecordStore rawRecords, ReviewQueue reviews, TrainingCandidates training, IPipelineTelemetry telemetry, TimeProvider time)
{
    public BlobLocation RawLocationOf(BatchRef batch, string accountId) => rawRecords.LocationOf(batch, accountId);

    public async Task RecordAsync(BatchRef batch, int line, BatchItem account, ModelAnswer answer, ExtractionResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(result);
        var raw = new RawRecord(batch.Partner, batch.BatchId, line, account.AccountId, account.LiabilityType,
            account.Source.Kind, answer.Model, answer.Attempts, result, time.GetUtcNow(), account);
        await rawRecords.WriteAsync(batch, raw, cancellationToken).ConfigureAwait(false);
        await results.PutAsync(batch, line, result, cancellationToken).ConfigureAwait(false);
        if (result.Status == ResultStatus.NeedsReview)
        {
            await reviews.EnqueueAsync(batch, line, result, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await training.ConsiderAsync(batch, line, result, cancellationToken).ConfigureAwait(false);
        }

        foreach (var attempt in answer.Attempts)
        {
            telemetry.ModelCall(batch.Partner, attempt, result.Status);
        }
    }
}
