using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;

namespace Extraction.Core.Storage;

/// <summary>
/// result.v1 rows in Azure Tables: one partition per partner and batch, one row per input line
/// (row key = zero-padded line number), written by upsert so a re-run replaces and never doubles.
/// </summary>
[Singleton]
public sealed class ResultStore(StorageClients storage, TableWriter writer)
{
    private TableClient Table => storage.ResultsTable;

    /// <summary>The stored status of each of a chunk's items that has a row, by line (one range query).</summary>
    public Task<IReadOnlyDictionary<int, ResultStatus>> GetStatusesAsync(BatchRef batch, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count == 0
            ? Task.FromResult<IReadOnlyDictionary<int, ResultStatus>>(new Dictionary<int, ResultStatus>())
            : GetStatusesAsync(batch, items[0].Line, items[^1].Line, cancellationToken);
    }

    /// <summary>The status of every stored row between two lines (inclusive), by line.</summary>
    public async Task<IReadOnlyDictionary<int, ResultStatus>> GetStatusesAsync(BatchRef batch, int fromLine, int toLine, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {batch.PartitionKey} and RowKey ge {RowKey(fromLine)} and RowKey le {RowKey(toLine)}");
        var statuses = new Dictionary<int, ResultStatus>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["RowKey", "Status"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            statuses[int.Parse(row.RowKey, CultureInfo.InvariantCulture)] = ContractJson.ParseWireName<ResultStatus>(row.GetString("Status"));
        }

        return statuses;
    }

    /// <summary>Whether a batch has any result yet: the mark that its upload was processed.</summary>
    public async Task<bool> AnyAsync(BatchRef batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await foreach (var _ in Table.QueryAsync<TableEntity>(e => e.PartitionKey == batch.PartitionKey, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        return false;
    }

    public async Task<ExtractionResult?> GetAsync(BatchRef batch, int line, CancellationToken cancellationToken = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(batch.PartitionKey, RowKey(line), ["Result"], cancellationToken).ConfigureAwait(false);
        return response.HasValue ? Read(response.Value!) : null;
    }

    /// <summary>The row of an account in a batch, with its ETag for a conditional update; null where there is none.</summary>
    public async Task<(StoredResult Result, ETag ETag)?> FindAccountAsync(BatchRef batch, string accountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {batch.PartitionKey} and AccountId eq {accountId}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, maxPerPage: 2, select: ["RowKey", "Result"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return (new StoredResult(int.Parse(row.RowKey, CultureInfo.InvariantCulture), Read(row)), row.ETag);
        }

        return null;
    }

    /// <summary>Replaces a row only if nobody changed it since <paramref name="etag"/> was read (412 otherwise).</summary>
    public Task ReplaceAsync(BatchRef batch, int line, ExtractionResult result, ETag etag, CancellationToken cancellationToken = default) =>
        Table.UpdateEntityAsync(ToEntity(batch, line, result), etag, TableUpdateMode.Replace, cancellationToken);

    public Task PutAsync(BatchRef batch, int line, ExtractionResult result, CancellationToken cancellationToken = default) =>
        Table.UpsertEntityAsync(ToEntity(batch, line, result), TableUpdateMode.Replace, cancellationToken);

    /// <summary>Upserts many rows of one batch: one plain upsert, or transactions of up to 100 rows.</summary>
    public Task PutManyAsync(BatchRef batch, IReadOnlyList<StoredResult> results, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        return writer.UpsertAsync(Table, [.. results.Select(r => ToEntity(batch, r.Line, r.Result))], cancellationToken);
    }

    /// <summary>
    /// One page of a batch's results in line order, and the token for the next page (null at the end). The
    /// token is the next page's first row key — this store's own format, so a partner's token is checked
    /// (<see cref="IsValidPageToken"/>) instead of being handed to the table service as it came.
    /// </summary>
    public async Task<(IReadOnlyList<StoredResult> Page, string? ContinuationToken)> PageAsync(
        BatchRef batch, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        if (continuationToken is not null && !IsValidPageToken(continuationToken))
        {
            throw new ArgumentException("Not a results page token.", nameof(continuationToken));
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {batch.PartitionKey} and RowKey ge {continuationToken ?? RowKey(0)}");
        var rows = new List<StoredResult>(pageSize);
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(pageSize + 1, 1_000), select: ["RowKey", "Result"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (rows.Count == pageSize)
            {
                return (rows, row.RowKey); // One row past the page: there is a next page, and it starts here.
            }

            rows.Add(new StoredResult(int.Parse(row.RowKey, CultureInfo.InvariantCulture), Read(row)));
        }

        return (rows, null);
    }

    /// <summary>A page token is a row key: nine digits.</summary>
    public static bool IsValidPageToken(string token) => LineKey.IsValid(token);

    /// <summary>Every result of a batch, in input-line order.</summary>
    public async IAsyncEnumerable<StoredResult> ListAsync(BatchRef batch, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var rows = Table.QueryAsync<TableEntity>(e => e.PartitionKey == batch.PartitionKey, select: ["RowKey", "Result"], cancellationToken: cancellationToken);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            yield return new StoredResult(int.Parse(row.RowKey, CultureInfo.InvariantCulture), Read(row));
        }
    }

    public static string RowKey(int line) => LineKey.Of(line);

    private static ExtractionResult Read(TableEntity entity) =>
        ContractJson.Deserialize<ExtractionResult>(entity.GetString("Result"))
        ?? throw new InvalidDataException($"Result row {entity.PartitionKey}/{entity.RowKey} holds no result.");

    private static TableEntity ToEntity(BatchRef batch, int line, ExtractionResult result) =>
        new(batch.PartitionKey, RowKey(line))
        {
            ["AccountId"] = result.AccountId,
            ["Status"] = ContractJson.WireName(result.Status),
            ["Model"] = result.Model,
            ["CostUsd"] = (double)result.CostUsd,
            ["LatencyMs"] = result.LatencyMs,
            ["Result"] = ContractJson.Serialize(result),
        };
}
