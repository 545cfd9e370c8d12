using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;

namespace Extraction.Core.Realtime;

/// <summary>
/// Where a real-time answer is filed: the batch of its partner, this minute and this process
/// (<c>rt-{yyyyMMddHHmm}-{process}</c>), at the next line. Sharing a batch puts a minute's rows in one
/// table partition, so they are written up to 100 to a transaction instead of one transaction each; the
/// process id keeps two instances from numbering the same batch.
/// </summary>
[Singleton]
public sealed class RealtimeBatches(TimeProvider time)
{
    private readonly string _process = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    private Minute _current = new("", new(StringComparer.Ordinal));

    public (BatchRef Batch, int Line) Next(string partner)
    {
        var stamp = time.GetUtcNow().ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        var minute = Volatile.Read(ref _current);
        if (minute.Stamp != stamp)
        {
            // Whoever swaps first starts the minute; a late caller still numbers its own minute's batch.
            var fresh = new Minute(stamp, new(StringComparer.Ordinal));
            minute = Interlocked.CompareExchange(ref _current, fresh, minute) == minute ? fresh : Volatile.Read(ref _current);
        }

        var lines = minute.Lines.GetOrAdd(partner, _ => new StrongBox<int>());
        return (new BatchRef(partner, $"rt-{minute.Stamp}-{_process}"), Interlocked.Increment(ref lines.Value));
    }

    private sealed record Minute(string Stamp, ConcurrentDictionary<string, StrongBox<int>> Lines);
}
