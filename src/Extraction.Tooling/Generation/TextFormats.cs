using System.Globalization;
using Extraction.Tooling.Generation.Kit;

namespace Extraction.Tooling.Generation;

/// <summary>The ways US documents write money, dates and rates, picked at random.</summary>
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

    /// <summary>Money as a person reads it out: in figures, or in words one time in three.</summary>
    public string SpokenMoney(decimal amount) => random.Next(3) == 0
        ? MoneyInWords.Dollars(amount, commas: random.Next(2) == 0, and: random.Next(2) == 0)
        : amount.ToString("$#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>Money as a ledger column writes it: no sign, thousands separated or not.</summary>
    public string Bare(decimal amount) => amount.ToString(random.Next(2) == 0 ? "#,##0.00" : "0.00", CultureInfo.InvariantCulture);

    /// <summary>A negative amount in one of the forms statements use for a shortage.</summary>
    public string Shortage(decimal amount) => random.Next(3) switch
    {
        0 => "-" + amount.ToString("$#,##0.00", CultureInfo.InvariantCulture),
        1 => "(" + amount.ToString("$#,##0.00", CultureInfo.InvariantCulture) + ")",
        _ => amount.ToString("#,##0.00", CultureInfo.InvariantCulture) + " (shortage)",
    };

    public string Date(DateOnly date) => date.ToString(DateFormats[random.Next(DateFormats.Length)], CultureInfo.InvariantCulture);

    /// <summary>A date as said aloud: "January 31st, 2026", "Friday, January 31st, 2026", "the 31st of January, 2026".</summary>
    public string SpokenDate(DateOnly date)
    {
        var day = Formatting.Ordinal(date.Day);
        var month = date.ToString("MMMM", CultureInfo.InvariantCulture);
        return random.Next(3) switch
        {
            0 => $"{month} {day}, {date.Year}",
            1 => $"{date.DayOfWeek}, {month} {day}, {date.Year}",
            _ => $"the {day} of {month}, {date.Year}",
        };
    }

    /// <summary>A date as a ledger or a form writes it: day first, abbreviated month with a dot, or a two-digit year.</summary>
    public string ShortDate(DateOnly date) => random.Next(3) switch
    {
        0 => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        1 => date.ToString("MMM", CultureInfo.InvariantCulture) + ". " + date.ToString("d, yyyy", CultureInfo.InvariantCulture),
        _ => date.ToString("MM/dd/yy", CultureInfo.InvariantCulture),
    };

    public string Rate(decimal rate) => random.Next(3) == 0
        ? rate.ToString("0.0##", CultureInfo.InvariantCulture) + " percent"
        : rate.ToString("0.0##", CultureInfo.InvariantCulture) + "%";
}
