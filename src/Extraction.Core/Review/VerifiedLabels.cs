using Azure.Data.Tables;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Storage;

namespace Extraction.Core.Review;

/// <summary>
/// A person's corrected fields, kept apart from the result as a verified label: the retraining
/// export reads them first. The raw record it points to holds the document the label belongs to; it is copied
/// to the labelled container, so the raw records' retention rule never takes a labelled document away.
/// </summary>
[Singleton]
public sealed class VerifiedLabels(StorageClients storage, RawRecordStore rawRecords, TimeProvider time)
{
    /// <param name="taught">False for one reviewer's values written nowhere in the document: kept, but neither taught nor gold until confirmed.</param>
    public async Task SaveAsync(BatchRef batch, int line, ExtractionResult corrected, string reviewer, bool taught, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(corrected);
        var kept = corrected.RawOutput is null ? null : await rawRecords.KeepAsync(corrected.RawOutput, cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(batch.Partner, $"{batch.BatchId}|{LineKey.Of(line)}")
        {
            ["BatchId"] = batch.BatchId,
            ["Line"] = line,
            ["AccountId"] = corrected.AccountId,
            ["Fields"] = ContractJson.Serialize(corrected.Fields),
            ["Reviewer"] = reviewer,
            ["CorrectedAt"] = time.GetUtcNow(),
            ["RawOutput"] = kept,
            ["Source"] = "human",
            ["Taught"] = taught,
        };
        await storage.LabelsTable.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }
}
