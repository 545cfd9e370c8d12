using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Storage;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Activities;

/// <summary>
/// A finished batch's summary, written beside its manifests when it completes, so its status outlives its
/// orchestration: an engine that purges finished instances (the local one does, to keep a long-running serve's
/// memory flat) loses nothing a partner can ask for.
/// </summary>
[Singleton]
public sealed class FinishedBatches(StorageClients storage, IOptions<StorageOptions> options)
{
    public Task WriteAsync(FinishedBatch finished, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(finished);
        return storage.WriteJsonAsync(RecordOf(finished.Batch), finished, ContractJson.Options, cancellationToken);
    }

    public Task<FinishedBatch?> ReadAsync(BatchRef batch, CancellationToken cancellationToken = default) =>
        storage.ReadJsonAsync<FinishedBatch>(RecordOf(batch), ContractJson.Options, cancellationToken);

    private BlobLocation RecordOf(BatchRef batch) => new(options.Value.WorkContainer, $"{batch.Folder}/finished.json");
}
