using System.Buffers;

namespace Extraction.Core.Batches;

/// <summary>Reads a request body into memory, but never more than a limit: a body over it is refused, not buffered.</summary>
public static class BoundedRead
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>Up to this declared length the buffer is allocated up front.</summary>
    public const long TrustedLengthBytes = 256 * 1024;

    /// <summary>The whole body, or null as soon as it (or its declared length) passes <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, long? declaredLength, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (declaredLength > maxBytes)
        {
            return null;
        }

        if (declaredLength is { } length and <= TrustedLengthBytes)
        {
            // The common case, and on the real-time hot path: one buffer of the declared size, nothing to copy.
            // Only for small bodies: a declared length is a claim, and 40 connections claiming 29 MB each
            // and sending one byte must not reserve a gigabyte. Larger bodies grow as their bytes arrive.
            var exact = new byte[length];
            var filled = await body.ReadAtLeastAsync(exact, exact.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            return filled == exact.Length ? exact : exact[..filled];
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }
}
