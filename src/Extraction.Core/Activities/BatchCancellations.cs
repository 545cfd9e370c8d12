using System.Collections.Concurrent;
using System.Text.Json;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Storage;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Activities;

/// <summary>
/// A partner's cancel, as every worker sees it. Terminating an orchestration does not stop the activity
/// messages it already queued (the engine runs them anyway), so the cancel is also written beside the
/// batch's manifests with its time: an account scheduled before that time skips the model, and one whose
/// answer comes back after it is recorded <c>failed</c>, as a late answer past the deadline is. Each worker
/// reads the mark at most once per batch per <see cref="Freshness"/>, not once per account.
/// </summary>
[Singleton]
public sealed class BatchCancellations(StorageClients storage, IOptions<StorageOptions> options, TimeProvider time)
{
    public const string Reason = "The batch was cancelled before this account was extracted.";

    /// <summary>How stale a worker's view of the mark may be; the cancel waits this long before it closes the batch.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    /// <summary>Past this many batches seen, those read more than <see cref="Freshness"/> ago are dropped (a worker holds the batches of the last second).</summary>
    private const int MaxCached = 256;
    private readonly ConcurrentDictionary<string, (Task<DateTimeOffset?> Read, DateTimeOffset ReadAt)> _seen = new(StringComparer.Ordinal);

    /// <summary>Marks the batch cancelled now; returns the time, from which activities scheduled earlier stop.</summary>
    public async Task<DateTimeOffset> MarkAsync(BatchRef batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var at = time.GetUtcNow();
        await storage.WriteJsonAsync(MarkOf(batch), new Mark(at), JsonSerializerOptions.Web, cancellationToken).ConfigureAwait(false);
        _seen[batch.Folder] = (Task.FromResult<DateTimeOffset?>(at), at);
        return at;
    }

    /// <summary>
    /// Whether an account the orchestration scheduled at <paramref name="scheduledAt"/> belongs to a cancelled run
    /// (a run started again after a cancel schedules later than the mark, so it goes on).
    /// </summary>
    public async Task<bool> IsCancelledAsync(BatchRef batch, DateTime? scheduledAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var cancelledAt = await CancelledAtAsync(batch).WaitAsync(cancellationToken).ConfigureAwait(false);
        return cancelledAt is { } at && (scheduledAt is not { } scheduled || new DateTimeOffset(scheduled, TimeSpan.Zero) <= at);
    }

    private Task<DateTimeOffset?> CancelledAtAsync(BatchRef batch)
    {
        var now = time.GetUtcNow();
        if (_seen.TryGetValue(batch.Folder, out var seen) && now - seen.ReadAt < Freshness)
        {
            return seen.Read;
        }

        // One read per batch at a time: the hundred activities of a worker that find the view stale together share it.
        lock (_seen)
        {
            if (_seen.TryGetValue(batch.Folder, out seen) && now - seen.ReadAt < Freshness)
            {
                return seen.Read;
            }

            if (_seen.Count >= MaxCached)
            {
                foreach (var stale in _seen.Where(e => now - e.Value.ReadAt >= Freshness).Select(e => e.Key).ToList())
                {
                    _seen.TryRemove(stale, out _);
                }
            }

            var read = ReadMarkAsync(batch); // shared, so no one caller's token
            _seen[batch.Folder] = (read, now);
            return read;
        }
    }

    private async Task<DateTimeOffset?> ReadMarkAsync(BatchRef batch) =>
        (await storage.ReadJsonAsync<Mark>(MarkOf(batch), JsonSerializerOptions.Web, CancellationToken.None).ConfigureAwait(false))?.At;

    private BlobLocation MarkOf(BatchRef batch) => new(options.Value.WorkContainer, $"{batch.Folder}/cancelled.json");

    private sealed record Mark(DateTimeOffset At);
}
