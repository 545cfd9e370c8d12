using Azure.Data.Tables;
using Extraction.Core.Configuration;
using Extraction.Core.Storage;

namespace Extraction.Core.Training;

/// <summary>Where the scheduled export got to: the end of the last window it exported.</summary>
[Singleton]
public sealed class ExportWatermark(StorageClients storage)
{
    private const string Partition = "export-state";
    private const string Row = "watermark";

    public async Task<DateTimeOffset?> GetAsync(CancellationToken cancellationToken = default)
    {
        var row = await storage.TrainingTable.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? row.Value!.GetDateTimeOffset("Until") : null;
    }

    public Task SetAsync(DateTimeOffset until, CancellationToken cancellationToken = default) =>
        storage.TrainingTable.UpsertEntityAsync(new TableEntity(Partition, Row) { ["Until"] = until }, TableUpdateMode.Replace, cancellationToken);
}
