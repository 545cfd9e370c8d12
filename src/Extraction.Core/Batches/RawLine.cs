namespace Extraction.Core.Batches;

/// <summary>
/// One physical line of a JSON Lines stream and where it sits, so that a worker can later read
/// exactly this line back with a ranged download instead of carrying the document in a payload.
/// </summary>
/// <param name="Number">1-based line number in the file.</param>
/// <param name="Offset">Byte offset of the line's first byte.</param>
/// <param name="Length">Byte length without the line terminator.</param>
/// <param name="Bytes">The line's UTF-8 bytes, or null where the line was longer than allowed.</param>
public sealed record RawLine(int Number, long Offset, int Length, byte[]? Bytes)
{
    public bool IsTooLong => Bytes is null;

    public bool IsBlank => Bytes is { } bytes && bytes.AsSpan().Trim(" \t"u8).IsEmpty;
}
