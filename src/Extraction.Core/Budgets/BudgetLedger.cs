using Azure;
using Azure.Data.Tables;
using Extraction.Core.Configuration;
using Extraction.Core.Storage;

namespace Extraction.Core.Budgets;

/// <summary>
/// The budget ledger in Azure Tables. Per scope, one partition: the scope row (limit, leased out,
/// spent by returned leases) and one row per live lease (amount, spent so far, expiry). Every change
/// to the scope row happens in one entity-group transaction with its lease row, under the scope row's
/// ETag, so leased and spent always add up — even across crashes and concurrent workers.
/// </summary>
[Singleton]
public sealed class BudgetLedger(StorageClients storage, TimeProvider time)
{
    private const string ScopeRow = "scope";
    private const string LeasePrefix = "lease|";

    /// <summary>Just past every lease row key ('}' sorts after '|'), and before "scope".</summary>
    private const string LeaseEnd = "lease}";
    private const int MaxConflicts = 100;

    private TableClient Table => storage.BudgetsTable;

    /// <summary>Leases <paramref name="want"/> (or what is left, if at least <paramref name="min"/>); null where the scope has no room.</summary>
    public Task<Lease?> AcquireAsync(BudgetScope scope, long want, long min, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        GrowAsync(scope, null, want, min, ttl, cancellationToken);

    /// <summary>Adds to a lease (or, with <paramref name="lease"/> null, creates one), renewing its expiry.</summary>
    public async Task<Lease?> GrowAsync(BudgetScope scope, Lease? lease, long want, long min, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await SweepExpiredAsync(scope, cancellationToken).ConfigureAwait(false);
        for (var conflict = 0; conflict < MaxConflicts; conflict++)
        {
            var row = await ReadScopeRowAsync(scope, cancellationToken).ConfigureAwait(false);
            var (limit, leased, spent) = Numbers(row, scope);
            var grant = Math.Min(want, limit - leased - spent);
            if (grant < min)
            {
                return null;
            }

            row["LimitNano"] = limit;
            row["LeasedNano"] = leased + grant;
            var expires = time.GetUtcNow() + ttl;
            var id = lease?.Id ?? Guid.NewGuid().ToString("N");
            var leaseRow = new TableEntity(scope.Key, LeasePrefix + id)
            {
                ["AmountNano"] = (lease?.AmountNano ?? 0) + grant,
                ["ExpiresAt"] = expires,
            };
            TableTransactionAction[] actions =
            [
                row.ETag == default
                    ? new(TableTransactionActionType.Add, row)
                    : new(TableTransactionActionType.UpdateMerge, row, row.ETag),
                lease is null
                    ? new(TableTransactionActionType.Add, leaseRow)
                    : new(TableTransactionActionType.UpdateMerge, leaseRow, ETag.All),
            ];
            if (await TrySubmitAsync(actions, cancellationToken).ConfigureAwait(false))
            {
                return new Lease(scope, id, (lease?.AmountNano ?? 0) + grant, expires);
            }
        }

        throw new BudgetUnavailableException($"The ledger of {scope.Name} stayed contended after {MaxConflicts} tries.");
    }

    /// <summary>Records what a lease has spent so far and renews it; false where it was already taken back.</summary>
    public async Task<bool> FlushAsync(Lease lease, long spentNano, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        try
        {
            await Table.UpdateEntityAsync(
                new TableEntity(lease.Scope.Key, LeasePrefix + lease.Id) { ["SpentNano"] = spentNano, ["ExpiresAt"] = time.GetUtcNow() + ttl },
                ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            throw new BudgetUnavailableException($"The ledger of {lease.Scope.Name} could not be written.", ex);
        }
    }

    /// <summary>Gives a lease back: what it spent moves to the scope's spent, the rest becomes available again.</summary>
    public async Task ReturnAsync(Lease lease, long spentNano, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        for (var conflict = 0; conflict < MaxConflicts; conflict++)
        {
            var row = await ReadScopeRowAsync(lease.Scope, cancellationToken).ConfigureAwait(false);
            if (row.ETag == default)
            {
                return; // The scope is gone (its partner was purged): there is nothing to give back to, and nothing to recreate.
            }

            var (_, leased, spent) = Numbers(row, lease.Scope);
            row["LeasedNano"] = leased - lease.AmountNano;
            row["SpentNano"] = spent + spentNano;
            if (await TrySubmitAsync(
                [new(TableTransactionActionType.UpdateMerge, row, row.ETag), new(TableTransactionActionType.Delete, new TableEntity(lease.Scope.Key, LeasePrefix + lease.Id), ETag.All)],
                cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        throw new BudgetUnavailableException($"The ledger of {lease.Scope.Name} stayed contended after {MaxConflicts} tries.");
    }

    /// <summary>Takes back leases whose holders stopped renewing them, keeping what they reported spent.</summary>
    public async Task SweepExpiredAsync(BudgetScope scope, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {scope.Key} and RowKey gt {LeasePrefix} and RowKey lt {LeaseEnd} and ExpiresAt lt {time.GetUtcNow()}");
        var expired = new List<TableEntity>();
        try
        {
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                expired.Add(row);
            }
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            throw new BudgetUnavailableException($"The ledger of {scope.Name} could not be read.", ex);
        }

        foreach (var lease in expired)
        {
            var row = await ReadScopeRowAsync(scope, cancellationToken).ConfigureAwait(false);
            var (_, leased, spent) = Numbers(row, scope);
            row["LeasedNano"] = leased - (lease.GetInt64("AmountNano") ?? 0);
            row["SpentNano"] = spent + (lease.GetInt64("SpentNano") ?? 0);
            // Under both ETags: a holder that renewed in the meantime keeps its lease.
            await TrySubmitAsync([new(TableTransactionActionType.UpdateMerge, row, row.ETag), new(TableTransactionActionType.Delete, lease, lease.ETag)], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The scope as the ledger has it now (all zeros where it was never used).</summary>
    public async Task<ScopeState> ReadAsync(BudgetScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var (limit, leased, spent) = Numbers(await ReadScopeRowAsync(scope, cancellationToken).ConfigureAwait(false), scope);
        long unreturned = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {scope.Key} and RowKey gt {LeasePrefix} and RowKey lt {LeaseEnd}");
        await foreach (var lease in Table.QueryAsync<TableEntity>(filter, select: ["SpentNano"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            unreturned += lease.GetInt64("SpentNano") ?? 0;
        }

        return new ScopeState(limit, leased, spent, unreturned);
    }

    private async Task<TableEntity> ReadScopeRowAsync(BudgetScope scope, CancellationToken cancellationToken)
    {
        try
        {
            var existing = await Table.GetEntityIfExistsAsync<TableEntity>(scope.Key, ScopeRow, cancellationToken: cancellationToken).ConfigureAwait(false);
            return existing.HasValue ? existing.Value! : new TableEntity(scope.Key, ScopeRow) { ["LimitNano"] = scope.LimitNano, ["LeasedNano"] = 0L, ["SpentNano"] = 0L };
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            throw new BudgetUnavailableException($"The ledger of {scope.Name} could not be read.", ex);
        }
    }

    /// <summary>The SDK reports an unreachable service as RequestFailedException, or an AggregateException of them after its retries.</summary>
    private static bool IsStorageFailure(Exception ex) => ex is RequestFailedException or AggregateException or HttpRequestException;

    /// <summary>The configured limit wins over the stored one, so raising a budget takes effect at once.</summary>
    private static (long Limit, long Leased, long Spent) Numbers(TableEntity row, BudgetScope scope) =>
        (scope.LimitNano, row.GetInt64("LeasedNano") ?? 0, row.GetInt64("SpentNano") ?? 0);

    private async Task<bool> TrySubmitAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await Table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 409 or 404)
        {
            await Task.Delay(Random.Shared.Next(1, 20), cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            throw new BudgetUnavailableException("The budget ledger could not be written.", ex);
        }
    }
}
