using Extraction.Core.Orchestration;
using Extraction.Core.Storage;

namespace Extraction.Core.Activities;

/// <summary>Hands a chunk orchestrator the accounts of its manifest (ids and offsets only).</summary>
public sealed class ReadChunkActivity(BatchSourceStore sources)
{
    public Task<IReadOnlyList<WorkItem>> RunAsync(ChunkInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return sources.ReadManifestAsync(input.Batch, input.Chunk, cancellationToken);
    }
}
