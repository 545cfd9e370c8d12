using Extraction.Core.Activities;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Storage;
using Microsoft.DurableTask.Client;

namespace Extraction.Core.Orchestration;

/// <summary>
/// A partner's view of and control over its batches. The instance id includes the partner, so one
/// partner can never address another's batch: it is simply not found.
/// </summary>
[Singleton]
public sealed class BatchQueries(BatchCloser closer, BatchCancellations cancellations, BatchSourceStore sources, ResultStore results, FinishedBatches finished, TimeProvider time)
{
    public async Task<BatchStatus?> StatusAsync(DurableTaskClient client, BatchRef batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instance = await client.GetInstanceAsync(BatchInput.InstanceIdFor(batch), getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (instance is null && await finished.ReadAsync(batch, cancellationToken).ConfigureAwait(false) is { } done)
        {
            // Its orchestration purged: the batch's own record says what it came to.
            return new BatchStatus(batch.BatchId, nameof(OrchestrationRuntimeStatus.Completed), done.StartedAt, done.CompletedAt,
                done.Summary.Accounts, done.Summary.Counts.Total, done.Summary.Chunks, done.Summary.ChunksDone, done.Summary.Counts, done.Summary.CostUsd, null);
        }

        if (instance is null && !await results.AnyAsync(batch, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        if (instance is null)
        {
            // Run history purged before it finished (or before batches kept their record): the results table still knows the batch.
            var counts = StatusCounts.Zero;
            var cost = 0m;
            await foreach (var row in results.ListAsync(batch, cancellationToken).ConfigureAwait(false))
            {
                counts = counts.Add(row.Result.Status);
                cost += row.Result.CostUsd;
            }

            return new BatchStatus(batch.BatchId, "Completed", default, default, counts.Total, counts.Total, 0, 0, counts, cost, null);
        }

        var summary = (instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? instance.ReadOutputAs<BatchSummary>() : null)
            ?? (instance.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<BatchSummary>())
            ?? new BatchSummary(0, 0, 0, StatusCounts.Zero, 0m, 0);
        return new BatchStatus(batch.BatchId, instance.RuntimeStatus.ToString(), instance.CreatedAt, instance.LastUpdatedAt,
            summary.Accounts, summary.Counts.Total, summary.Chunks, summary.ChunksDone, summary.Counts, summary.CostUsd,
            instance.FailureDetails is null ? null : FailureText.Describe(instance.FailureDetails));
    }

    /// <summary>
    /// Stops a running batch and closes its open accounts as <c>failed</c>; false where it is not running. The mark
    /// comes first, so activities already queued stop; the close waits until every worker's view of it is fresh.
    /// </summary>
    public async Task<bool> CancelAsync(DurableTaskClient client, BatchRef batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var id = BatchInput.InstanceIdFor(batch);
        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (instance is null || instance.IsCompleted)
        {
            return false;
        }

        var markedAt = await cancellations.MarkAsync(batch, cancellationToken).ConfigureAwait(false);
        await client.TerminateInstanceAsync(id, new TerminateInstanceOptions(BatchCancellations.Reason, Recursive: true), cancellationToken).ConfigureAwait(false);
        await client.WaitForInstanceCompletionAsync(id, cancellationToken).ConfigureAwait(false);
        var settled = markedAt + (2 * BatchCancellations.Freshness) - time.GetUtcNow();
        if (settled > TimeSpan.Zero)
        {
            await Task.Delay(settled, time, cancellationToken).ConfigureAwait(false);
        }

        var chunks = await sources.CountManifestsAsync(batch, cancellationToken).ConfigureAwait(false);
        await closer.CloseOpenAsync(batch, chunks, BatchCancellations.Reason, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
