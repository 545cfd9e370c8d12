using System.Runtime.CompilerServices;
using Extraction.Core.Contracts;

namespace Extraction.Core.Batches;

/// <summary>
/// Streams a batch.v1 file: every non-blank line comes out once, valid or as an
/// <c>invalid_input</c> result naming the field, so one bad line never sinks the batch.
/// </summary>
public static class BatchReader
{
    /// <summary>Generous for 200,000 characters of text (up to 3 bytes each) plus JSON escaping.</summary>
    public const int DefaultMaxLineBytes = 1_048_576;

    public static async IAsyncEnumerable<BatchLine> ReadAsync(
        Stream stream, int maxLineBytes = DefaultMaxLineBytes, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var raw in JsonLinesSplitter.ReadAsync(stream, maxLineBytes, cancellationToken).ConfigureAwait(false))
        {
            if (raw.IsBlank)
            {
                continue;
            }

            if (raw.IsTooLong || raw.Length > maxLineBytes)
            {
                yield return Invalid(raw, null, $"the line is {raw.Length:N0} bytes, over the {maxLineBytes:N0}-byte limit");
                continue;
            }

            var parsed = BatchLineParser.Parse(raw.Bytes);
            if (parsed.Item is null)
            {
                yield return Invalid(raw, parsed.AccountId, parsed.Problems!);
            }
            else if (!firstLineOfId.TryAdd(parsed.Item.AccountId, raw.Number))
            {
                yield return Invalid(raw, parsed.Item.AccountId, $"accountId repeats the one on line {firstLineOfId[parsed.Item.AccountId]}; it must be unique within a batch");
            }
            else
            {
                yield return new BatchLine(raw.Number, raw.Offset, raw.Length, parsed.Item, null);
            }
        }
    }

    private static BatchLine Invalid(RawLine raw, string? accountId, string problems) =>
        new(raw.Number, raw.Offset, raw.Length, null,
            ExtractionResult.Invalid(accountId ?? BatchLine.LineLabel(raw.Number), $"Line {raw.Number} breaks batch.v1: {problems}."));
}
