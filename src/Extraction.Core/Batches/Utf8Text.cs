using System.Buffers;
using System.Text;

namespace Extraction.Core.Batches;

/// <summary>
/// Strict UTF-8: System.Text.Json accepts invalid bytes inside a string until something reads it, and then
/// throws InvalidOperationException, so input is checked here first and refused with the byte named.
/// </summary>
public static class Utf8Text
{
    /// <summary>The offset of the first byte that is not part of valid UTF-8, or -1 when all of it is valid.</summary>
    public static int FirstInvalidByte(ReadOnlySpan<byte> utf8)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return -1;
        }

        var offset = 0;
        while (offset < utf8.Length)
        {
            if (Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return -1;
    }

    /// <summary>The text, or null (and the offset of the first bad byte) when the bytes are not valid UTF-8.</summary>
    public static string? TryDecode(ReadOnlySpan<byte> utf8, out int invalidAt)
    {
        invalidAt = FirstInvalidByte(utf8);
        return invalidAt < 0 ? Encoding.UTF8.GetString(utf8) : null;
    }
}
