using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Extraction.Core.Configuration;

namespace Extraction.Core.Storage;

/// <summary>
/// The process's one writer of table rows, committing them in entity-group transactions (up to 100 rows
/// of one partition) shared by every caller: a row waits only while the partition's previous
/// transaction is in flight, then goes with every row queued behind it (group commit — no timer, so an
/// idle process writes at once and a busy one writes a hundred rows per call). A caller's task ends
/// when its row is durable, so an activity that awaits it loses nothing to a crash. A transaction the
/// service refuses is retried row by row, so one bad row fails only its own caller.
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

        var stored = rows.Select(row => _queues.GetOrAdd((table.Name, row.PartitionKey), key => new PartitionQueue(table, () => _queues.TryRemove(key, out _))).Add(row));
        return Task.WhenAll(stored).WaitAsync(cancellationToken);
    }

    private sealed class PartitionQueue(TableClient table, Action idle)
    {
        private readonly Lock _lock = new();
        private List<Pending> _queued = [];
        private bool _flushing;

        public Task Add(TableEntity row)
        {
            var pending = new Pending(row);
            bool start;
            lock (_lock)
            {
                _queued.Add(pending);
                start = !_flushing;
                _flushing = true;
            }

            if (start)
            {
                _ = Task.Run(FlushAsync);
            }

            return pending.Stored.Task;
        }

        private async Task FlushAsync()
        {
            while (true)
            {
                List<Pending> taken;
                lock (_lock)
                {
                    if (_queued.Count == 0)
                    {
                        _flushing = false;
                        idle();
                        return;
                    }

                    (taken, _queued) = (_queued, []);
                }

                // One operation per row in a transaction: a row queued twice is written once, last version wins.
                var rows = taken.GroupBy(p => p.Row.RowKey, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
                await Task.WhenAll(rows.Chunk(MaxTransactionSize).Select(CommitAsync)).ConfigureAwait(false);
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
    }
}
