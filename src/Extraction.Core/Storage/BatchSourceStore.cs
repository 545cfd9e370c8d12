using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using Azure;
using Azure.Storage.Blobs.Models;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Storage;

/// <summary>
/// The batch file and the chunk manifests cut from it. Accounts are read back from the batch blob
/// by byte range, pinned to the version (ETag) that was planned, so no document is ever copied.
/// </summary>
[Singleton]
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

    public Task<ReadOnlyMemory<byte>> ReadLineAsync(BlobLocation source, string etag, WorkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        return ReadRangeAsync(source, etag, new ByteSpan(item.Offset, item.Length), cancellationToken);
    }

    /// <summary>A range of the batch blob as it was planned: If-Match its ETag, so a replaced file fails the read.</summary>
    public async Task<ReadOnlyMemory<byte>> ReadRangeAsync(BlobLocation source, string etag, ByteSpan span, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(span);
        var download = await storage.Blob(source).DownloadContentAsync(
            new BlobDownloadOptions
            {
                Range = new HttpRange(span.Offset, span.Length),
                Conditions = new BlobRequestConditions { IfMatch = new ETag(etag) },
            },
            cancellationToken).ConfigureAwait(false);
        return download.Value.Content.ToMemory();
    }

    /// <summary>
    /// Looks at the first 64 KiB: a file that is not UTF-8, or whose first line is not a JSON object, is no
    /// batch at all — it is rejected whole instead of becoming a million <c>invalid_input</c> rows.
    /// </summary>
    public async Task<string?> CheckReadableAsync(BlobLocation source, CancellationToken cancellationToken = default)
    {
        const int Probe = 64 * 1024;
        BinaryData head;
        try
        {
            head = (await storage.Blob(source).DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(0, Probe) }, cancellationToken).ConfigureAwait(false)).Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 416)
        {
            return null; // An empty file: a batch of no accounts.
        }

        var bytes = head.ToMemory().Span;
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        // The probe may end inside a line, even inside a character: a short file is judged whole, a long one
        // up to its last complete character — so a first line longer than the probe (a 200,000-character
        // document) is judged by its start, not refused for being cut.
        var complete = bytes.Length < Probe;
        if (Utf8.ToUtf16(bytes, new char[bytes.Length], out _, out _, replaceInvalidSequences: false, isFinalBlock: complete) == OperationStatus.InvalidData)
        {
            return "The file is not UTF-8 text: it cannot be a batch.v1 JSON Lines file.";
        }

        var firstLine = bytes.TrimStart(" \t\r\n"u8);
        var end = firstLine.IndexOf((byte)'\n');
        firstLine = (end < 0 ? firstLine : firstLine[..end]).TrimEnd(" \t\r"u8);
        if (firstLine.IsEmpty)
        {
            return null;
        }

        return FirstLineProblem(firstLine, isWholeLine: end >= 0 || complete);
    }

    /// <summary>Reads the line's JSON tokens as far as they go: it must open an object and, where whole, close it.</summary>
    private static string? FirstLineProblem(ReadOnlySpan<byte> line, bool isWholeLine)
    {
        var reader = new Utf8JsonReader(line, isFinalBlock: isWholeLine, state: default);
        try
        {
            if (!reader.Read())
            {
                return isWholeLine ? "The file is not JSON Lines: its first line is not JSON." : null;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return "The file is not JSON Lines: its first line is not a JSON object.";
            }

            while (reader.Read())
            {
            }

            return null;
        }
        catch (JsonException)
        {
            return "The file is not JSON Lines: its first line is not JSON.";
        }
    }

    /// <summary>The error record of a rejected batch, beside its manifests.</summary>
    public BlobLocation ErrorOf(BatchRef batch) => new(_workContainer, $"{batch.Folder}/error.json");

    public Task WriteErrorAsync(BatchRef batch, string reason, CancellationToken cancellationToken = default) =>
        storage.Blob(ErrorOf(batch)).UploadAsync(BinaryData.FromObjectAsJson(new { batch.Partner, batch.BatchId, reason, at = DateTimeOffset.UtcNow }, JsonSerializerOptions.Web), overwrite: true, cancellationToken);

    /// <summary>How many chunk manifests planning wrote for a batch.</summary>
    public async Task<int> CountManifestsAsync(BatchRef batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var count = 0;
        await foreach (var _ in storage.Container(_workContainer).GetBlobsAsync(new GetBlobsOptions { Prefix = $"{batch.Folder}/chunk-" }, cancellationToken).ConfigureAwait(false))
        {
            count++;
        }

        return count;
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
