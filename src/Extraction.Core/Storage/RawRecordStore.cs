using System.Globalization;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Storage;

/// <summary>
/// Raw records at a deterministic name per line and account (<c>{partner}/{batch}/{line}-{account}.json</c>),
/// overwritten on a re-run; the line keeps two answers for one account in one batch apart.
/// </summary>
[Singleton]
public sealed class RawRecordStore(StorageClients storage, IOptions<StorageOptions> options)
{
    private readonly string _container = options.Value.RawContainer;

    public BlobLocation LocationOf(BatchRef batch, int line, string accountId) =>
        new(_container, $"{batch.Folder}/{LineKey.Of(line)}-{accountId}.json");

    /// <summary>The raw record a result's <c>rawOutput</c> names (<c>container/name</c>), or null where there is none.</summary>
    public async Task<RawRecord?> ReadAsync(string rawOutput, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(rawOutput);
        var slash = rawOutput.IndexOf('/', StringComparison.Ordinal);
        var blob = storage.Blob(new BlobLocation(rawOutput[..slash], rawOutput[(slash + 1)..]));
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return ContractJson.Deserialize<RawRecord>(content.Value.Content.ToString());
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The line of every raw record a batch has (one per line and account; a re-run overwrote, never added).</summary>
    public async IAsyncEnumerable<int> ListLinesAsync(BatchRef batch, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var prefix = $"{batch.Folder}/";
        await foreach (var blob in storage.Container(_container).GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = prefix }, cancellationToken).ConfigureAwait(false))
        {
            yield return int.Parse(blob.Name.AsSpan(prefix.Length, 9), CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// Copies the raw record <paramref name="rawOutput"/> names into <c>Storage:LabelledContainer</c>, out of reach of the
    /// raw records' retention rule, and returns the copy's <c>container/name</c>; null where the record is gone.
    /// </summary>
    public async Task<string?> KeepAsync(string rawOutput, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(rawOutput);
        var slash = rawOutput.IndexOf('/', StringComparison.Ordinal);
        if (rawOutput[..slash] == options.Value.LabelledContainer)
        {
            return rawOutput;
        }

        try
        {
            var content = await storage.Blob(new BlobLocation(rawOutput[..slash], rawOutput[(slash + 1)..])).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var kept = new BlobLocation(options.Value.LabelledContainer, rawOutput[(slash + 1)..]);
            await storage.Blob(kept).UploadAsync(content.Value.Content, overwrite: true, cancellationToken).ConfigureAwait(false);
            return kept.ToString();
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<BlobLocation> WriteAsync(BatchRef batch, RawRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(record);
        var location = LocationOf(batch, record.Line, record.AccountId);
        await storage.Blob(location)
            .UploadAsync(BinaryData.FromString(ContractJson.Serialize(record)), overwrite: true, cancellationToken)
            .ConfigureAwait(false);
        return location;
    }
}
