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

    private readonly ConcurrentDictionary<string, Lazy<Task<ReadOnlyMemory<byte>>>> _spans = new(StringComparer.Ordinal);
    /// <summary>A chunk's accounts are read within seconds of each other; a span kept longer would only hold memory (a slower chunk reads it again).</summary>
    public const long SpanLifetimeMs = 60_000;

    private readonly ConcurrentQueue<(string Key, long Bytes, long ReadAtMs)> _order = new();
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
        var span = _spans.GetOrAdd(key, k => new Lazy<Task<ReadOnlyMemory<byte>>>(() => ReadSpanAsync(k, source, etag, chunk)));
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

    private async Task<ReadOnlyMemory<byte>> ReadSpanAsync(string key, BlobLocation source, string etag, ByteSpan chunk)
    {
        var bytes = await sources.ReadRangeAsync(source, etag, chunk, CancellationToken.None).ConfigureAwait(false);
        var now = Environment.TickCount64;
        _order.Enqueue((key, chunk.Length, now));
        Interlocked.Add(ref _cachedBytes, chunk.Length);
        while ((Interlocked.Read(ref _cachedBytes) > MaxCachedBytes || (_order.TryPeek(out var first) && now - first.ReadAtMs > SpanLifetimeMs))
            && _order.TryDequeue(out var oldest))
        {
            _spans.TryRemove(oldest.Key, out _);
            Interlocked.Add(ref _cachedBytes, -oldest.Bytes);
        }

        return bytes;
    }
}
