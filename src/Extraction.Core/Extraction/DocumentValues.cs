using System.Globalization;
using System.Text.RegularExpressions;

namespace Extraction.Core.Extraction;

/// <summary>Finds amounts, dates, rates and last-four digits in the forms US lenders write them.</summary>
public static partial class DocumentValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "M/d/yyyy", "M-d-yyyy", "MMMM d yyyy", "MMM d yyyy", "d MMMM yyyy", "d MMM yyyy"];

    /// <summary>The first date in <paramref name="text"/>, or null.</summary>
    public static DateOnly? FirstDate(string text)
    {
        foreach (Match match in DatePattern().Matches(text))
        {
            if (TryParseDate(match.Value, out var date))
            {
                return date;
            }
        }

        return null;
    }

    public static bool TryParseDate(string value, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(value);
        // One spelling for the parser: no ordinal suffix, no "of", no comma or abbreviation dot, single spaces.
        var normalized = WhitespaceRun().Replace(DateNoise().Replace(value.Trim(), " "), " ").Trim().Replace("Sept ", "Sep ", StringComparison.OrdinalIgnoreCase);
        return DateOnly.TryParseExact(normalized, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date);
    }

    /// <summary>Every date in <paramref name="text"/>.</summary>
    public static IEnumerable<DateOnly> AllDates(string text) =>
        DatePattern().Matches(text).Select(m => TryParseDate(m.Value, out var date) ? date : (DateOnly?)null).OfType<DateOnly>();

    /// <summary>Every money amount in <paramref name="text"/>, in figures (signed as written) or in words; dates ignored.</summary>
    public static IEnumerable<decimal> AllAmounts(string text) =>
        AmountPattern().Matches(DatePattern().Replace(text, " ")).Select(ReadAmount).OfType<decimal>()
            .Concat(AmountWords.All(text).Select(a => a.Amount));

    /// <summary>Every rate written with <c>%</c> or "percent".</summary>
    public static IEnumerable<decimal> AllPercents(string text) =>
        PercentPattern().Matches(text).Select(m => decimal.Parse(m.Groups["rate"].Value, CultureInfo.InvariantCulture));

    /// <summary>
    /// The first money amount in <paramref name="text"/>, dates ignored; <c>-$312.40</c>,
    /// <c>($312.40)</c> and <c>312.40 (shortage)</c> are negative. Rounded to cents.
    /// </summary>
    public static decimal? FirstAmount(string text)
    {
        var match = AmountPattern().Match(DatePattern().Replace(text, " "));
        return match.Success ? ReadAmount(match) : AmountWords.All(text).Select(a => (decimal?)a.Amount).FirstOrDefault();
    }

    private static decimal? ReadAmount(Match match)
    {
        if (!decimal.TryParse(match.Groups["number"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        var negative = match.Groups["minus"].Success
            || (match.Groups["open"].Success && match.Groups["close"].Success)
            || match.Groups["shortage"].Success;
        return Math.Round(negative ? -amount : amount, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The first rate written with <c>%</c> or "percent", as given.</summary>
    public static decimal? FirstPercent(string text)
    {
        var match = PercentPattern().Match(text);
        return match.Success ? decimal.Parse(match.Groups["rate"].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The last four digits of the first digit run (masked or not) of four or more digits.</summary>
    public static string? FirstLast4(string text)
    {
        var match = DigitRun().Match(text);
        return match.Success ? match.Value[^4..] : null;
    }

    /// <summary>
    /// Dates as lenders and agents write them: ISO, US numeric, and with the month in words — before or after
    /// the day, abbreviated or not, the day as an ordinal ("January 31st", "the 31st of January").
    /// </summary>
    [GeneratedRegex(@"\b(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/-]\d{1,2}[/-]\d{4}|(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?,?\s+\d{4})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"(?<open>\()?\s*(?<minus>-)?\s*(?:USD\s*|\$\s*)?(?<minus>-)?\$?\s*(?<![\d.,])(?<number>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)(?![.,]?\d|\s*%|\s*percent)\s*(?<close>\))?(?:\s*\((?<shortage>shortage|deficit|short)\))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"(?<rate>\d{1,2}(?:\.\d+)?)\s*(?:%|percent\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PercentPattern();

    [GeneratedRegex(@"\d{4,}", RegexOptions.CultureInvariant)]
    private static partial Regex DigitRun();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    [GeneratedRegex(@"(?<=\d)(?:st|nd|rd|th)\b|\bof\b|,|(?<=[A-Za-z])\.", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateNoise();
}
