using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using Extraction.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Storage;

/// <summary>
/// The batch file and the chunk manifests cut from it. Accounts are read back from the batch blob
/// by byte range, pinned to the version (ETag) that was planned, so no document is ever copied.
/// </summary>
public sealed class BatchSourceStore(StorageClients storage, IOptions<StorageOptions> options)
{
    private readonly string _workContainer = options.Value.WorkContainer;

    public async Task<(Stream Content, string ETag)> OpenAsync(BlobLocation source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var blob = storage.Blob(source);
        var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var etag = properties.Value.ETag;
        var stream = await blob.OpenReadAsync(
            new BlobOpenReadOptions(allowModifications: false) { Conditions = new BlobRequestConditions { IfMatch = etag } },
            cancellationToken).ConfigureAwait(false);
        return (stream, etag.ToString());
    }

    public async Task<ReadOnlyMemory<byte>> ReadLineAsync(BlobLocation source, string etag, WorkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var download = await storage.Blob(source).DownloadContentAsync(
            new BlobDownloadOptions
            {
                Range = new HttpRange(item.Offset, item.Length),
                Conditions = new BlobRequestConditions { IfMatch = new ETag(etag) },
            },
            cancellationToken).ConfigureAwait(false);
        return download.Value.Content.ToMemory();
    }

    public BlobLocation ManifestOf(BatchRef batch, int chunk) => new(_workContainer, $"{batch.Folder}/chunk-{chunk:D6}.json");

    public Task WriteManifestAsync(BatchRef batch, int chunk, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken = default) =>
        storage.Blob(ManifestOf(batch, chunk)).UploadAsync(BinaryData.FromObjectAsJson(items, JsonSerializerOptions.Web), overwrite: true, cancellationToken);

    public async Task<IReadOnlyList<WorkItem>> ReadManifestAsync(BatchRef batch, int chunk, CancellationToken cancellationToken = default)
    {
        var download = await storage.Blob(ManifestOf(batch, chunk)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        return download.Value.Content.ToObjectFromJson<List<WorkItem>>(JsonSerializerOptions.Web)
            ?? throw new InvalidDataException($"Chunk manifest {chunk} of batch {batch.Folder} is empty.");
    }
}
