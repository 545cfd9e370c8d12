using Extraction.Core.Batches;
using Extraction.Core.Budgets;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Extraction;
using Extraction.Core.Models;
using Extraction.Core.Orchestration;
using Extraction.Core.Review;
using Extraction.Core.Storage;
using Extraction.Core.Telemetry;
using Extraction.Core.Training;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Activities;

/// <summary>
/// Extracts one account: reads its line back from the batch blob, asks the model, writes the raw
/// record to a blob and the result.v1 row to the table. Both writes are overwrites at deterministic
/// keys, so a replayed or retried activity never doubles a row. (Resume is decided per chunk, in
/// <see cref="ReadChunkActivity"/>, with one query instead of one read per account.)
/// </summary>
public sealed class ExtractAccountActivity(
    BatchSourceStore sources,
    ResultStore results,
    RawRecordStore rawRecords,
    IExtractionModel model,
    ReviewQueue reviews,
    TrainingCandidates training,
    IPipelineTelemetry telemetry,
    IOptions<BudgetOptions> budgets,
    TimeProvider time,
    ILogger<ExtractAccountActivity> logger)
{
    public async Task<AccountOutcome> RunAsync(ExtractAccountInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (batch, item) = (input.Batch, input.Item);
        var line = await sources.ReadLineAsync(input.Source, input.SourceETag, item, cancellationToken).ConfigureAwait(false);
        var account = BatchLineParser.Parse(line).Item
            ?? throw new InvalidDataException($"Line {item.Line} of batch {batch.Folder} no longer parses; the batch blob changed after planning.");

        var now = time.GetUtcNow();
        var accountDeadline = now.AddMilliseconds(budgets.Value.AccountDeadlineMs);
        var context = new AccountContext(
            BudgetScope.For(batch, input.MaxCostUsd, budgets.Value, now),
            input.Deadline is { } batchDeadline && batchDeadline < accountDeadline ? new DateTimeOffset(batchDeadline, TimeSpan.Zero) : accountDeadline);
        var answer = await model.ExtractAsync(account, context, cancellationToken).ConfigureAwait(false);
        var location = rawRecords.LocationOf(batch, account.AccountId);
        var result = ResultFactory.FromAnswer(account.AccountId, answer, location.ToString());
        if (input.Deadline is { } deadline && time.GetUtcNow() >= deadline)
        {
            // The batch has been closed by its deadline: a late answer does not reopen it (its cost stays on record).
            result = result with { Status = ResultStatus.Failed, Fields = null, Reason = BatchDeadline.Reason };
        }

        var raw = new RawRecord(batch.Partner, batch.BatchId, item.Line, account.AccountId, account.LiabilityType,
            account.Source.Kind, answer.Model, answer.Attempts, result, time.GetUtcNow(), account);

        await rawRecords.WriteAsync(batch, raw, cancellationToken).ConfigureAwait(false);
        await results.PutAsync(batch, item.Line, result, cancellationToken).ConfigureAwait(false);
        if (result.Status == ResultStatus.NeedsReview)
        {
            await reviews.EnqueueAsync(batch, item.Line, result, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await training.ConsiderAsync(batch, item.Line, result, cancellationToken).ConfigureAwait(false);
        }

        foreach (var attempt in answer.Attempts)
        {
            telemetry.ModelCall(batch.Partner, attempt, result.Status);
        }

        logger.LogDebug(
            "Extracted line {Line} of {Partner}/{BatchId}: {Status} by {Model} in {LatencyMs} ms",
            item.Line, batch.Partner, batch.BatchId, result.Status, result.Model, result.LatencyMs);
        return new AccountOutcome(result.Status, result.CostUsd);
    }
}
