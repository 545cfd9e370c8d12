using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Storage;

/// <summary>Raw records at a deterministic name per account, overwritten on a re-run.</summary>
public sealed class RawRecordStore(StorageClients storage, IOptions<StorageOptions> options)
{
    private readonly string _container = options.Value.RawContainer;

    public BlobLocation LocationOf(BatchRef batch, string accountId) => new(_container, $"{batch.Folder}/{accountId}.json");

    public async Task<BlobLocation> WriteAsync(BatchRef batch, RawRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(record);
        var location = LocationOf(batch, record.AccountId);
        await storage.Blob(location)
            .UploadAsync(BinaryData.FromString(ContractJson.Serialize(record)), overwrite: true, cancellationToken)
            .ConfigureAwait(false);
        return location;
    }
}
