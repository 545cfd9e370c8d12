using System.Globalization;

namespace Extraction.Tooling.Generation.Kit;

/// <summary>
/// The small formatters every family writes with, one copy each. None of them draws: what a document picks
/// at random is drawn by the family, so moving a call here never changes a seed's documents.
/// </summary>
internal static class Formatting
{
    public static CultureInfo Inv => CultureInfo.InvariantCulture;

    /// <summary>$1,234.56</summary>
    public static string Usd(decimal amount) => amount.ToString("$#,##0.00", Inv);

    /// <summary>1,234.56: a ledger column, no sign.</summary>
    public static string Plain(decimal amount) => amount.ToString("#,##0.00", Inv);

    public static string Int(int value) => value.ToString(Inv);

    /// <summary>1st, 2nd, 3rd, 11th, 22nd.</summary>
    public static string Ordinal(int n) => Int(n) + (n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    /// <summary>The label, then <paramref name="fill"/> up to <paramref name="width"/> (at least one space): the value's column.</summary>
    public static string Pad(string label, int width, char fill = ' ') =>
        label.Length >= width ? label + " " : label + " " + new string(fill, width - label.Length - 1);

    /// <summary>The lines given, one a line: a null line is left out, an empty one stays blank.</summary>
    public static string Lines(params string?[] lines) => string.Join("\n", lines.Where(l => l is not null));

    /// <summary>A company's web name: its letters, lower case, up to a comma ("Canopy Loan Servicing, LLC" → canopyloanservicing).</summary>
    public static string Slug(string name) => new([.. name.ToLowerInvariant().TakeWhile(c => c != ',').Where(char.IsLetter)]);
}
