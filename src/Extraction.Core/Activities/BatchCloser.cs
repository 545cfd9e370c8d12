using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Storage;

namespace Extraction.Core.Activities;

/// <summary>
/// Ends a batch early (its deadline passed, a partner cancelled it) without losing an account: every
/// account of its manifests without a final result gets a <c>failed</c> one with the reason; the batch's
/// counts are then read back from the table.
/// </summary>
[Singleton]
public sealed class BatchCloser(BatchSourceStore sources, ResultStore results)
{
    public async Task<StatusCounts> CloseOpenAsync(BatchRef batch, int chunks, string reason, CancellationToken cancellationToken = default)
    {
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            var items = await sources.ReadManifestAsync(batch, chunk, cancellationToken).ConfigureAwait(false);
            var stored = await results.GetStatusesAsync(batch, items, cancellationToken).ConfigureAwait(false);
            var open = items.Where(i => !stored.TryGetValue(i.Line, out var status) || !(status.IsFinal() || status == ResultStatus.OverBudget)).ToList();
            await results.PutManyAsync(batch, [.. open.Select(i => new StoredResult(i.Line, ResultFactory.Failed(i.AccountId, reason)))], cancellationToken).ConfigureAwait(false);
        }

        var counts = StatusCounts.Zero;
        await foreach (var row in results.ListAsync(batch, cancellationToken).ConfigureAwait(false))
        {
            counts = counts.Add(row.Result.Status);
        }

        return counts;
    }
}
