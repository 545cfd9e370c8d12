using Azure.Data.Tables;

namespace Extraction.Core.Storage;

/// <summary>Upserts that cost as few storage transactions as the table service allows.</summary>
public static class TableWrites
{
    /// <summary>The most operations one entity-group transaction may hold.</summary>
    public const int MaxTransactionSize = 100;

    /// <summary>One row by plain upsert; more in transactions of up to 100 rows of one partition.</summary>
    public static async Task UpsertAsync(TableClient table, IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 1)
        {
            await table.UpsertEntityAsync(rows[0], TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var partition in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var group in partition.Chunk(MaxTransactionSize))
            {
                await table.SubmitTransactionAsync(group.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
