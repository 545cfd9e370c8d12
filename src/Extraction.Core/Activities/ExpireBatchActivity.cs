using Extraction.Core.Contracts;
using Extraction.Core.Extraction;
using Extraction.Core.Orchestration;
using Extraction.Core.Storage;

namespace Extraction.Core.Activities;

/// <summary>
/// When a batch's deadline timer fires: every account of its manifests without a final result ends
/// <c>failed</c> ("batch deadline passed"), and the batch's counts are read back from the table.
/// </summary>
public sealed class ExpireBatchActivity(BatchSourceStore sources, ResultStore results)
{
    public async Task<StatusCounts> RunAsync(ExpireBatchInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        for (var chunk = 0; chunk < input.Chunks; chunk++)
        {
            var items = await sources.ReadManifestAsync(input.Batch, chunk, cancellationToken).ConfigureAwait(false);
            var stored = await results.GetStatusesAsync(input.Batch, items, cancellationToken).ConfigureAwait(false);
            var open = items.Where(i => !stored.TryGetValue(i.Line, out var status) || !(status.IsFinal() || status == ResultStatus.OverBudget)).ToList();
            await results.PutManyAsync(input.Batch, open.Select(i => new StoredResult(i.Line, ResultFactory.Failed(i.AccountId, BatchDeadline.Reason))), cancellationToken).ConfigureAwait(false);
        }

        var counts = StatusCounts.Zero;
        await foreach (var row in results.ListAsync(input.Batch, cancellationToken).ConfigureAwait(false))
        {
            counts = counts.Add(row.Result.Status);
        }

        return counts;
    }
}
