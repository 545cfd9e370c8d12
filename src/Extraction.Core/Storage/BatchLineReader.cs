using System.Collections.Concurrent;
using Extraction.Core.Configuration;

namespace Extraction.Core.Storage;

/// <summary>
/// Reads an account's line back from its batch blob with one ranged read per chunk, not per account: the
/// first account of a chunk to arrive reads the chunk's whole span, pinned to the ETag that was planned
/// (If-Match, so a file replaced since planning fails the read instead of feeding other text), and the
/// others slice it. The spans are kept briefly in a cache bounded in bytes; a span too large for it, or a
/// failed read, falls back to reading the one line.
/// </summary>
[Singleton]
public sealed class BatchLineReader(BatchSourceStore sources)
{
    /// <summary>The most bytes of chunk spans held at once: the chunks in flight (16 of ~60 KiB by default), not the batch.</summary>
    public const long MaxCachedBytes = 8L * 1024 * 1024;

    /// <summary>A chunk whose span is larger is read line by line (a few very long documents).</summary>
    public const long MaxSpanBytes = 4L * 1024 * 1024;

    /// <summary>A chunk's accounts are read within seconds of each other; a span kept longer would only hold memory (a slower chunk reads it again).</summary>
    public const long SpanLifetimeMs = 60_000;

    private readonly ConcurrentDictionary<string, Lazy<Task<ReadOnlyMemory<byte>>>> _spans = new(StringComparer.Ordinal);
    // A plain queue under a lock: a ConcurrentQueue that is peeked keeps its dequeued items (spans) referenced
    // until its segment is dropped.
    private readonly Queue<(string Key, Lazy<Task<ReadOnlyMemory<byte>>> Span, long Bytes, long ReadAtMs)> _order = new();
    private readonly Lock _orderLock = new();
    private long _cachedBytes;

    public async Task<ReadOnlyMemory<byte>> ReadAsync(BlobLocation source, string etag, WorkItem item, ByteSpan? chunk, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(item);
        if (chunk is null || !chunk.Contains(item) || chunk.Length > MaxSpanBytes)
        {
            return await sources.ReadLineAsync(source, etag, item, cancellationToken).ConfigureAwait(false);
        }

        var key = $"{source}|{etag}|{chunk.Offset}|{chunk.Length}";
        var span = _spans.GetOrAdd(key, k =>
        {
            Lazy<Task<ReadOnlyMemory<byte>>>? self = null;
            self = new(() => ReadSpanAsync(k, self!, source, etag, chunk));
            return self;
        });
        ReadOnlyMemory<byte> bytes;
        try
        {
            bytes = await span.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            _spans.TryRemove(new KeyValuePair<string, Lazy<Task<ReadOnlyMemory<byte>>>>(key, span));
            throw;
        }

        return bytes.Slice((int)(item.Offset - chunk.Offset), item.Length);
    }

    private async Task<ReadOnlyMemory<byte>> ReadSpanAsync(string key, Lazy<Task<ReadOnlyMemory<byte>>> self, BlobLocation source, string etag, ByteSpan chunk)
    {
        var bytes = await sources.ReadRangeAsync(source, etag, chunk, CancellationToken.None).ConfigureAwait(false);
        lock (_orderLock)
        {
            _order.Enqueue((key, self, chunk.Length, Environment.TickCount64));
            _cachedBytes += chunk.Length;
        }

        Trim();
        // An idle process lets go of its spans too: the trim comes again when this one has aged out.
        _ = TrimLaterAsync();
        return bytes;
    }

    private async Task TrimLaterAsync()
    {
        await Task.Delay(TimeSpan.FromMilliseconds(SpanLifetimeMs + 1)).ConfigureAwait(false);
        Trim();
    }

    /// <summary>Drops the oldest spans while over the byte bound or past their lifetime (only the span read then: a newer read of the same chunk stays).</summary>
    private void Trim()
    {
        var now = Environment.TickCount64;
        lock (_orderLock)
        {
            while (_order.TryPeek(out var oldest) && (_cachedBytes > MaxCachedBytes || now - oldest.ReadAtMs > SpanLifetimeMs))
            {
                _order.Dequeue();
                _spans.TryRemove(new KeyValuePair<string, Lazy<Task<ReadOnlyMemory<byte>>>>(oldest.Key, oldest.Span));
                _cachedBytes -= oldest.Bytes;
            }
        }
    }
}
