using Extraction.Core.Orchestration;
using Microsoft.DurableTask.Client;

namespace Extraction.Cli.Local;

/// <summary>
/// Purges a batch's chunk orchestrations once they have finished: their histories (every account's
/// activity input and output) are not read again — the batch orchestration holds each chunk's summary —
/// and kept they grow the engine's state with the batch (the in-memory engine holds them in the heap).
/// Only instances the engine reports finished are purged (a backend's purge may not check: the Azure
/// Storage one deletes a running instance's history); one still running is tried again later.
/// </summary>
internal sealed class FinishedChunkPurger(DurableTaskClient client, string batchInstanceId, int parallelChunks)
{
    private readonly HashSet<int> _purged = [];
    private int _below;

    /// <summary>Tries the chunks that may have finished: those below the count done plus the ones in flight.</summary>
    public async Task PurgeAsync(int chunks, int chunksDone, CancellationToken cancellationToken)
    {
        var upTo = Math.Min(chunks, chunksDone + parallelChunks);
        for (var chunk = _below; chunk < upTo; chunk++)
        {
            var id = BatchInput.ChunkInstanceIdFor(batchInstanceId, chunk);
            if (_purged.Contains(chunk)
                || await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false) is not { IsCompleted: true })
            {
                continue;
            }

            await client.PurgeInstanceAsync(id, cancellation: cancellationToken).ConfigureAwait(false);
            _purged.Add(chunk);
        }

        while (_purged.Remove(_below))
        {
            _below++;
        }
    }
}
