using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Extraction.Core.Batches;
using Extraction.Core.Contracts;
using Extraction.Core.Storage;

namespace Extraction.Cli.Commands;

/// <summary>
/// The storage calls one account costs on the batch path — a ranged read of its line, a raw-record
/// blob write, a result-row upsert — made directly, with the batch path's concurrency and no engine
/// or model. The batch path cannot beat this floor on the same storage.
/// </summary>
internal static class StorageFloor
{
    public static async Task<TimeSpan> MeasureAsync(StorageClients storage, string file, int concurrency, CancellationToken cancellationToken)
    {
        var lines = new List<RawLine>();
        await using (var content = File.OpenRead(file))
        {
            await foreach (var line in JsonLinesSplitter.ReadAsync(content, BatchReader.DefaultMaxLineBytes, cancellationToken).ConfigureAwait(false))
            {
                lines.Add(line with { Bytes = null });
            }
        }

        var id = Guid.NewGuid().ToString("N")[..8];
        var container = storage.Container($"bench-floor-{id}");
        var table = storage.Tables.GetTableClient($"benchfloor{id}");
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        var batchBlob = container.GetBlobClient("batch.jsonl");
        await batchBlob.UploadAsync(file, cancellationToken).ConfigureAwait(false);
        var row = new string('r', 600);

        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(lines, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (line, token) =>
        {
            var document = await batchBlob.DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(line.Offset, line.Length) }, token).ConfigureAwait(false);
            var key = LineKey.Of(line.Number);
            await container.GetBlobClient($"raw/{key}.json").UploadAsync(document.Value.Content, overwrite: true, token).ConfigureAwait(false);
            await table.UpsertEntityAsync(new TableEntity("floor", key) { ["Result"] = row }, cancellationToken: token).ConfigureAwait(false);
        }).ConfigureAwait(false);
        var elapsed = clock.Elapsed;

        await container.DeleteAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await table.DeleteAsync(cancellationToken).ConfigureAwait(false);
        return elapsed;
    }
}
