namespace Extraction.Core.Storage;

/// <summary>A range of bytes of a blob: where a chunk's lines lie in its batch file.</summary>
public sealed record ByteSpan(long Offset, long Length)
{
    public long End => Offset + Length;

    /// <summary>The span that covers every item, or null for none.</summary>
    public static ByteSpan? Covering(IReadOnlyCollection<WorkItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return null;
        }

        var start = items.Min(i => i.Offset);
        return new ByteSpan(start, items.Max(i => i.Offset + i.Length) - start);
    }

    public bool Contains(WorkItem item) => item is not null && item.Offset >= Offset && item.Offset + item.Length <= End;
}
