using System.Globalization;

namespace Extraction.Tooling.Generation;

/// <summary>The ways US documents write money and dates, picked at random.</summary>
internal sealed class TextFormats(Random random)
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "MM/dd/yyyy", "MMMM d, yyyy", "MMM d, yyyy", "MM-dd-yyyy"];

    public string Money(decimal amount) => random.Next(4) switch
    {
        0 => amount.ToString("$#,##0.00", CultureInfo.InvariantCulture),
        1 => "USD " + amount.ToString("#,##0.00", CultureInfo.InvariantCulture),
        2 => amount.ToString("#,##0.00", CultureInfo.InvariantCulture),
        _ => amount.ToString("$#,##0.00", CultureInfo.InvariantCulture),
    };

    /// <summary>A negative amount in one of the forms statements use for a shortage.</summary>
    public string Shortage(decimal amount) => random.Next(3) switch
    {
        0 => "-" + amount.ToString("$#,##0.00", CultureInfo.InvariantCulture),
        1 => "(" + amount.ToString("$#,##0.00", CultureInfo.InvariantCulture) + ")",
        _ => amount.ToString("#,##0.00", CultureInfo.InvariantCulture) + " (shortage)",
    };

    public string Date(DateOnly date) => date.ToString(DateFormats[random.Next(DateFormats.Length)], CultureInfo.InvariantCulture);

    public string Rate(decimal rate) => random.Next(3) == 0
        ? rate.ToString("0.0##", CultureInfo.InvariantCulture) + " percent"
        : rate.ToString("0.0##", CultureInfo.InvariantCulture) + "%";
}
