using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Storage;

namespace Extraction.Core.Review;

/// <summary>
/// <c>needs_review</c> accounts in a table of their own, partitioned by partner (row key
/// <c>{batchId}|{line}</c>), so a partner's whole queue — or one batch of it — is one query.
/// </summary>
[Singleton]
public sealed class ReviewQueue(StorageClients storage, TableWriter writer, TimeProvider time)
{
    private TableClient Table => storage.ReviewsTable;

    /// <summary>Queues many accounts: one plain upsert, or transactions of up to 100 rows per partner.</summary>
    public Task EnqueueManyAsync(IReadOnlyList<(BatchRef Batch, int Line, ExtractionResult Result)> accounts, CancellationToken cancellationToken = default) =>
        writer.UpsertAsync(Table, [.. accounts.Select(a => ToEntity(a.Batch, a.Line, a.Result))], cancellationToken);

    private TableEntity ToEntity(BatchRef batch, int line, ExtractionResult result)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(result);
        return new TableEntity(batch.Partner, RowKey(batch.BatchId, line))
        {
            ["BatchId"] = batch.BatchId,
            ["Line"] = line,
            ["AccountId"] = result.AccountId,
            ["Reason"] = result.Reason,
            ["FailedChecks"] = string.Join(",", result.Checks.Where(c => !c.Passed).Select(c => c.Name)),
            ["QueuedAt"] = time.GetUtcNow(),
        };
    }

    public async Task RemoveAsync(BatchRef batch, int line, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await Table.DeleteEntityAsync(batch.Partner, RowKey(batch.BatchId, line), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether the account at <paramref name="line"/> waits for review, and the ungrounded correction that waits for a
    /// second reviewer, if any: (reviewer, fields.v1).
    /// </summary>
    public async Task<(bool Queued, (string Reviewer, string Fields)? Proposal)> FindAsync(BatchRef batch, int line, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(batch.Partner, RowKey(batch.BatchId, line), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!row.HasValue || row.Value is not { } entity)
        {
            return (false, null);
        }

        return (true, entity.GetString("ProposedBy") is { } reviewer && entity.GetString("ProposedFields") is { } fields ? (reviewer, fields) : null);
    }

    /// <summary>Keeps the account in the queue with a reviewer's ungrounded correction, for a second reviewer to confirm.</summary>
    public Task ProposeAsync(BatchRef batch, int line, string reviewer, string fieldsJson, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var entity = new TableEntity(batch.Partner, RowKey(batch.BatchId, line)) { ["ProposedBy"] = reviewer, ["ProposedFields"] = fieldsJson, ["Reason"] = reason };
        return Table.UpdateEntityAsync(entity, Azure.ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>A partner's waiting accounts, oldest batch id first; only one batch's where <paramref name="batchId"/> is given.</summary>
    public async IAsyncEnumerable<ReviewItem> ListAsync(string partner, string? batchId = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = batchId is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partner}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partner} and BatchId eq {batchId}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return new ReviewItem(
                partner,
                row.GetString("BatchId"),
                row.GetInt32("Line") ?? 0,
                row.GetString("AccountId"),
                row.GetString("Reason"),
                (row.GetString("FailedChecks") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
                row.GetDateTimeOffset("QueuedAt") ?? DateTimeOffset.MinValue,
                row.GetString("ProposedBy"));
        }
    }

    private static string RowKey(string batchId, int line) => $"{batchId}|{LineKey.Of(line)}";
}
