using Extraction.Core.Contracts;
using Extraction.Core.Storage;

namespace Extraction.Core.Activities;

/// <summary>
/// Hands a chunk orchestrator the accounts of its manifest (ids and offsets only) that still need a
/// model: one range query per chunk finds the final results an earlier run stored (resume).
/// </summary>
public sealed class ReadChunkActivity(BatchSourceStore sources, ResultStore results) : IPipelineActivity<ChunkInput, ChunkWork>
{
    public async Task<ChunkWork> RunAsync(ChunkInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var items = await sources.ReadManifestAsync(input.Batch, input.Chunk, cancellationToken).ConfigureAwait(false);
        var stored = await results.GetStatusesAsync(input.Batch, items, cancellationToken).ConfigureAwait(false);
        var pending = new List<WorkItem>(items.Count);
        var resumed = StatusCounts.Zero;
        foreach (var item in items)
        {
            if (stored.TryGetValue(item.Line, out var status) && status.IsFinal())
            {
                resumed = resumed.Add(status);
            }
            else
            {
                pending.Add(item);
            }
        }

        return new ChunkWork(pending, resumed);
    }
}
