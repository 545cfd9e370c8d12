using Extraction.Core.Batches;
using Extraction.Core.Budgets;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Models;
using Extraction.Core.Quota;
using Extraction.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Activities;

/// <summary>
/// Extracts one account: reads its line back from the batch blob (once per chunk, <see cref="BatchLineReader"/>), asks the model within the account's
/// budgets and deadline, and records the answer (<see cref="AccountResultRecorder"/>). Every write is an
/// overwrite at a deterministic key, so a replayed or retried activity never doubles a row. A batch resumed after
/// a restart skips its finished accounts per chunk (<see cref="ReadChunkActivity"/>, one query); an activity message
/// the lost machine had already taken comes back once its visibility timeout (a minute) passes, and finds its final
/// row here instead of asking the model again. Only a message that old pays for the point read.
/// </summary>
public sealed class ExtractAccountActivity(
    BatchLineReader lines,
    IExtractionModel model,
    ResultStore results,
    AccountResultRecorder recorder,
    BatchCancellations cancellations,
    IOptions<BudgetOptions> budgets,
    TimeProvider time,
    ILogger<ExtractAccountActivity> logger) : IPipelineActivity<ExtractAccountInput, AccountOutcome>
{
    /// <summary>Shorter than the Durable queues' visibility timeout (1 to 60 minutes), so every redelivery is looked at.</summary>
    public static readonly TimeSpan RedeliveryAge = TimeSpan.FromSeconds(30);

    public async Task<AccountOutcome> RunAsync(ExtractAccountInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (batch, item) = (input.Batch, input.Item);
        if (input.ScheduledAt is { } scheduled && time.GetUtcNow().UtcDateTime - scheduled >= RedeliveryAge
            && await results.GetAsync(batch, item.Line, cancellationToken).ConfigureAwait(false) is { } answered && answered.Status.IsFinal())
        {
            logger.LogInformation("Line {Line} of {Partner}/{BatchId} was answered before (a redelivered activity): not asked again", item.Line, batch.Partner, batch.BatchId);
            return new AccountOutcome(answered.Status, answered.CostUsd);
        }

        if (await cancellations.IsCancelledAsync(batch, input.ScheduledAt, cancellationToken).ConfigureAwait(false))
        {
            await results.PutAsync(batch, item.Line, ResultFactory.Failed(item.AccountId, BatchCancellations.Reason), cancellationToken).ConfigureAwait(false);
            return new AccountOutcome(ResultStatus.Failed, 0m);
        }

        var line = await lines.ReadAsync(input.Source, input.SourceETag, item, input.Chunk, cancellationToken).ConfigureAwait(false);
        var account = BatchLineParser.Parse(line).Item
            ?? throw new InvalidDataException($"Line {item.Line} of batch {batch.Folder} no longer parses; the batch blob changed after planning.");

        var deadline = new BatchDeadline(input.Deadline);
        var context = AccountContext.For(batch, input.MaxCostUsd, deadline, budgets.Value, time.GetUtcNow(), CallLane.Batch);
        var answer = await model.ExtractAsync(account, context, cancellationToken).ConfigureAwait(false);

        // Closed while the model answered (by the deadline, or a cancel while the call was in flight): the batch
        // stays as it was closed; the answer's cost and raw record are kept.
        var closedBecause = deadline.HasPassed(time.GetUtcNow()) ? BatchDeadline.Reason
            : await cancellations.IsCancelledAsync(batch, input.ScheduledAt, cancellationToken).ConfigureAwait(false) ? BatchCancellations.Reason
            : null;
        var result = await recorder.RecordAsync(batch, item.Line, account, answer, closedBecause, cancellationToken).ConfigureAwait(false);
        if (result.Status != ResultStatus.Failed && await cancellations.IsCancelledAsync(batch, input.ScheduledAt, cancellationToken).ConfigureAwait(false))
        {
            // The cancel came while the record was being written (a slow upload): the account ends as the cancel closed it.
            result = result with { Status = ResultStatus.Failed, Fields = null, Reason = BatchCancellations.Reason };
            await results.PutAsync(batch, item.Line, result, cancellationToken).ConfigureAwait(false);
        }

        logger.LogDebug(
            "Extracted line {Line} of {Partner}/{BatchId}: {Status} by {Model} in {LatencyMs} ms",
            item.Line, batch.Partner, batch.BatchId, result.Status, result.Model, result.LatencyMs);
        return new AccountOutcome(result.Status, result.CostUsd);
    }
}
