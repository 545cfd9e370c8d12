using System.Runtime.CompilerServices;

namespace Extraction.Core.Batches;

/// <summary>
/// Splits a UTF-8 JSON Lines stream into lines with their byte offsets, holding at most one line
/// (bounded by <c>maxLineBytes</c>) in memory: a 1 GB batch streams through in constant space.
/// </summary>
public static class JsonLinesSplitter
{
    private const int InitialBufferBytes = 64 * 1024;

    public static async IAsyncEnumerable<RawLine> ReadAsync(
        Stream stream, int maxLineBytes, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);

        var buffer = new byte[Math.Min(InitialBufferBytes, maxLineBytes + 2)];
        int start = 0, count = 0, scan = 0, number = 0;
        long bufferBase = 0;
        bool eof = false, bomChecked = false, skipping = false;
        long skipStart = 0;

        while (true)
        {
            if (!bomChecked && (count >= 3 || eof))
            {
                bomChecked = true;
                if (buffer.AsSpan(0, count).StartsWith("\uFEFF"u8))
                {
                    start = scan = 3;
                }
            }

            var newline = bomChecked ? buffer.AsSpan(scan, count - scan).IndexOf((byte)'\n') : -1;
            if (newline >= 0)
            {
                var end = scan + newline;
                number++;
                yield return skipping
                    ? new RawLine(number, skipStart, checked((int)Math.Min(int.MaxValue, bufferBase + end - skipStart)), null)
                    : Slice(number, bufferBase + start, buffer, start, end);
                skipping = false;
                start = scan = end + 1;
                continue;
            }

            if (eof)
            {
                if (skipping)
                {
                    yield return new RawLine(++number, skipStart, checked((int)Math.Min(int.MaxValue, bufferBase + count - skipStart)), null);
                }
                else if (count > start)
                {
                    yield return Slice(++number, bufferBase + start, buffer, start, count);
                }

                yield break;
            }

            if (skipping)
            {
                bufferBase += count;
                start = count = scan = 0;
            }
            else
            {
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, count - start);
                    bufferBase += start;
                    count -= start;
                    start = 0;
                }

                scan = count;
                if (count == buffer.Length)
                {
                    if (buffer.Length >= maxLineBytes + 2)
                    {
                        // Over the limit: remember where the line began, drop its bytes until its end.
                        skipping = true;
                        skipStart = bufferBase;
                        bufferBase += count;
                        count = scan = 0;
                    }
                    else
                    {
                        Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxLineBytes + 2L));
                    }
                }
            }

            var read = await stream.ReadAsync(buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                eof = true;
            }
            else
            {
                count += read;
            }
        }
    }

    private static RawLine Slice(int number, long offset, byte[] buffer, int start, int end)
    {
        if (end > start && buffer[end - 1] == (byte)'\r')
        {
            end--;
        }

        var length = end - start;
        return new RawLine(number, offset, length, buffer.AsSpan(start, length).ToArray());
    }
}
