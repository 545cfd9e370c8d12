using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Extraction.Core.Configuration;

namespace Extraction.Core.Storage;

/// <summary>
/// The process's one writer of table rows, committing them in entity-group transactions (up to 100 rows
/// of one partition) shared by every caller: group commit with a leader. The caller that finds its partition
/// idle writes, in its own flow, its row and every row queued by then; the callers that queued meanwhile wait,
/// and when the leader's transaction is done the first of them leads the next (no timer, so an idle process
/// writes at once and a busy one writes a hundred rows per call). A caller's task ends when its row is durable,
/// and a failed write fails in the flow of a caller that awaits it. A transaction the service refuses is retried
/// row by row, so one bad row fails only its own caller.
/// </summary>
[Singleton]
public sealed class TableWriter
{
    /// <summary>The most operations one entity-group transaction may hold.</summary>
    public const int MaxTransactionSize = 100;

    private readonly ConcurrentDictionary<(string Table, string Partition), PartitionQueue> _queues = new();

    /// <summary>Upserts (replace) <paramref name="rows"/>; returns when every one is stored.</summary>
    public Task UpsertAsync(TableClient table, IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        var stored = rows.Select(row => _queues.GetOrAdd((table.Name, row.PartitionKey), key => new PartitionQueue(table, () => _queues.TryRemove(key, out _))).AddAsync(row));
        return Task.WhenAll(stored).WaitAsync(cancellationToken);
    }

    private sealed class PartitionQueue(TableClient table, Action idle)
    {
        private readonly Lock _lock = new();
        private List<Pending> _queued = [];
        private bool _writing;

        public async Task AddAsync(TableEntity row)
        {
            var pending = new Pending(row);
            bool lead;
            lock (_lock)
            {
                _queued.Add(pending);
                lead = !_writing;
                _writing = true;
            }

            if (lead)
            {
                // Let the rows of callers running now queue behind this one first (the leader's flow goes on from the pool).
                await Task.Yield();
            }
            else if (await Task.WhenAny(pending.Stored.Task, pending.Lead.Task).ConfigureAwait(false) == pending.Stored.Task)
            {
                await pending.Stored.Task.ConfigureAwait(false);
                return;
            }

            await LeadAsync().ConfigureAwait(false);
            await pending.Stored.Task.ConfigureAwait(false);
        }

        /// <summary>Writes every row queued now (this caller's among them), then hands the lead to the first row queued since, if any.</summary>
        private async Task LeadAsync()
        {
            List<Pending> taken;
            lock (_lock)
            {
                (taken, _queued) = (_queued, []);
            }

            try
            {
                // One operation per row in a transaction: a row queued twice is written once, last version wins.
                var rows = taken.GroupBy(p => p.Row.RowKey, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
                await Task.WhenAll(rows.Chunk(MaxTransactionSize).Select(CommitAsync)).ConfigureAwait(false);
            }
            finally
            {
                Pending? next;
                lock (_lock)
                {
                    next = _queued.FirstOrDefault();
                    _writing = next is not null;
                    if (next is null)
                    {
                        idle();
                    }
                }

                // The next leader goes on at once (a synchronous continuation, in its own flow): rows queued meanwhile wait for it.
                next?.Lead.TrySetResult();
            }
        }

        private async Task CommitAsync(List<Pending>[] rows)
        {
            try
            {
                if (rows.Length == 1)
                {
                    await table.UpsertEntityAsync(rows[0][^1].Row, TableUpdateMode.Replace).ConfigureAwait(false);
                }
                else
                {
                    await table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r[^1].Row))).ConfigureAwait(false);
                }

                Complete(rows, null);
            }
            catch (Exception ex) when (ex is RequestFailedException && rows.Length > 1)
            {
                await Task.WhenAll(rows.Select(row => CommitAsync([row]))).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Complete(rows, ex);
            }
        }

        private static void Complete(List<Pending>[] rows, Exception? failure)
        {
            foreach (var pending in rows.SelectMany(r => r))
            {
                if (failure is null)
                {
                    pending.Stored.TrySetResult();
                }
                else
                {
                    pending.Stored.TrySetException(failure);
                }
            }
        }
    }

    private sealed record Pending(TableEntity Row)
    {
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Set when this row's caller is to write the rows queued behind the last transaction.</summary>
        public TaskCompletionSource Lead { get; } = new();
    }
}
