using System.Globalization;

namespace Extraction.Core.Contracts;

/// <summary>
/// An input line number as a key: nine digits, zero-padded, so the results of a batch list in file order
/// and raw records, review rows, labels and training candidates of one line share it.
/// </summary>
public static class LineKey
{
    public static string Of(int line) => line.ToString("D9", CultureInfo.InvariantCulture);

    public static bool IsValid(string? key) => key is { Length: 9 } && key.All(char.IsAsciiDigit);
}
