using System.Globalization;
using System.Text.RegularExpressions;

namespace Extraction.Core.Extraction;

/// <summary>Finds amounts, dates, rates and last-four digits in the forms US lenders write them.</summary>
public static partial class DocumentValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "M/d/yyyy", "M-d-yyyy", "M/d/yy", "M-d-yy", "MMMM d yyyy", "MMM d yyyy", "d MMMM yyyy", "d MMM yyyy"];

    /// <summary>
    /// The first date in <paramref name="text"/>, written or said, or null; with <paramref name="asOf"/>, one written without
    /// its year ("due 3/14") counts too, in the year nearest it, when the text has none with a year.
    /// </summary>
    public static DateOnly? FirstDate(string text, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Dates(text).Select(d => (DateOnly?)d.Date).FirstOrDefault() is { } dated)
        {
            return dated;
        }

        // No date with a year in the text, so nothing to blank before looking for one without.
        return asOf is { } day ? Yearless(text, day).Select(d => (DateOnly?)d).FirstOrDefault() : null;
    }

    public static bool TryParseDate(string value, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(value);
        // One spelling for the parser: no ordinal suffix, no "of", no comma or abbreviation dot, single spaces.
        // With the month in words, dashes only separate ("JAN-25-2026"); without, they are the numeric form's own ("01-25-2026").
        var separated = value.Any(char.IsLetter) ? value.Replace('-', ' ') : value;
        var normalized = WhitespaceRun().Replace(DateNoise().Replace(separated.Trim(), " "), " ").Trim().Replace("Sept ", "Sep ", StringComparison.OrdinalIgnoreCase);
        return DateOnly.TryParseExact(normalized, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date);
    }

    /// <summary>
    /// The dates and the amounts one line states, its dates found once (the costliest step) for both: what the
    /// grounding check collects per line. With <paramref name="asOf"/>, dates written without their year count too.
    /// </summary>
    public static (List<DateOnly> Dates, List<decimal> Amounts) DatesAndAmounts(string line, DateOnly? asOf)
    {
        ArgumentNullException.ThrowIfNull(line);
        var dates = Dates(line).ToList();
        var blanked = Blank(line, dates);
        var amounts = AmountPattern().Matches(blanked).Select(m => ReadAmount(m)).OfType<decimal>().Concat(AmountWords.All(line).Select(a => a.Amount)).ToList();
        var stated = dates.ConvertAll(d => d.Date);
        if (asOf is { } day)
        {
            stated.AddRange(Yearless(blanked, day));
        }

        return (stated, amounts);
    }

    /// <summary>
    /// Dates written without their year ("due 3/14", "due Apr 1", "February 28th") in a text whose dates with a year are
    /// blanked, in the year nearest <paramref name="asOf"/>: a text message about this month's bill does not say the year.
    /// </summary>
    private static IEnumerable<DateOnly> Yearless(string blanked, DateOnly asOf)
    {
        foreach (Match match in YearlessDate().Matches(blanked))
        {
            if (match.Groups["month"].Value == "may")
            {
                continue; // "we may 30 days": the verb, not the month
            }

            var month = match.Groups["month"].Success
                ? DateTime.ParseExact(match.Groups["month"].Value[..3], "MMM", CultureInfo.InvariantCulture).Month
                : int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
            var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
            var candidates = new[] { asOf.Year - 1, asOf.Year, asOf.Year + 1 }
                .Where(y => day <= DateTime.DaysInMonth(y, month))
                .Select(y => new DateOnly(y, month, day))
                .ToList();
            if (candidates.Count > 0)
            {
                yield return candidates.MinBy(d => Math.Abs(d.DayNumber - asOf.DayNumber));
            }
        }
    }

    /// <summary>Every date, written (<see cref="DatePattern"/>) or said (<see cref="SpokenForms.Dates"/>), in the order of the text.</summary>
    private static IEnumerable<(int Index, int Length, DateOnly Date)> Dates(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var written = DatePattern().Matches(text)
            .Select(m => TryParseDate(m.Value, out var date) ? (m.Index, m.Length, date) : ((int, int, DateOnly)?)null)
            .OfType<(int Index, int Length, DateOnly Date)>();
        return written.Concat(SpokenForms.Dates(text)).OrderBy(d => d.Index);
    }

    /// <summary>Every money amount in <paramref name="text"/>, in figures (signed as written) or in words; dates ignored.</summary>
    public static IEnumerable<decimal> AllAmounts(string text) => DatesAndAmounts(text, asOf: null).Amounts;

    /// <summary>Every rate written with <c>%</c>, "percent", "per cent" or "pct".</summary>
    public static IEnumerable<decimal> AllPercents(string text) =>
        PercentPattern().Matches(text).Select(m => decimal.Parse(m.Groups["rate"].Value, CultureInfo.InvariantCulture));

    /// <summary>
    /// The first money amount in <paramref name="text"/>, dates ignored; <c>-$312.40</c>,
    /// <c>($312.40)</c> and <c>312.40 (shortage)</c> are negative. Rounded to cents.
    /// </summary>
    public static decimal? FirstAmount(string text) => First(text, moneyOnly: false);

    /// <summary>
    /// The first amount written as money: with a currency sign, with cents or thousands separators, or in
    /// words — not a bare whole number, which on a page is as often an account, a count or a year.
    /// </summary>
    public static decimal? FirstMoney(string text) => First(text, moneyOnly: true);

    /// <summary>The last amount written as money in <paramref name="text"/>: the one nearest a unit after it ("… $4.12 per day").</summary>
    public static decimal? LastMoney(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var figure = AmountPattern().Matches(WithoutDates(text)).LastOrDefault(m => ReadAmount(m, moneyOnly: true) is not null);
        var words = AmountWords.All(text).Select(a => ((int Index, int Length, decimal Amount)?)a).LastOrDefault();
        return figure is null || words?.Index + words?.Length > figure.Index + figure.Length ? words?.Amount : ReadAmount(figure, moneyOnly: true);
    }

    /// <summary>
    /// Where <paramref name="text"/> states a value — money written as money, a date, a rate — as
    /// (start, length): what redaction must leave alone, found by the same patterns the rules and the
    /// grounding check read.
    /// </summary>
    public static IReadOnlyList<(int Start, int Length)> ValueSpans(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var blanked = WithoutDates(text);
        return
        [
            .. Dates(text).Select(d => (d.Index, d.Length)),
            .. AmountPattern().Matches(blanked).Where(m => ReadAmount(m, moneyOnly: true) is not null).Select(m => (m.Index, m.Length)),
            .. PercentPattern().Matches(text).Select(m => (m.Index, m.Length)),
        ];
    }

    /// <summary>Figures or words, whichever comes first.</summary>
    private static decimal? First(string text, bool moneyOnly)
    {
        ArgumentNullException.ThrowIfNull(text);
        var figure = AmountPattern().Matches(WithoutDates(text)).FirstOrDefault(m => ReadAmount(m, moneyOnly) is not null);
        var words = AmountWords.All(text).Select(a => ((int Index, int Length, decimal Amount)?)a).FirstOrDefault();
        // Said aloud wins where it starts within the figure: "$146 and 18 cents" is 146.18, not 146.
        return figure is not null && (words is null || figure.Index + figure.Length <= words.Value.Index) ? ReadAmount(figure, moneyOnly) : words?.Amount;
    }

    /// <summary>The text with every date blanked out, same length, so a date's day and year are not read as money.</summary>
    private static string WithoutDates(string text) => Blank(text, Dates(text));

    private static string Blank(string text, IEnumerable<(int Index, int Length, DateOnly Date)> dates)
    {
        var blanked = text.ToCharArray();
        foreach (var (index, length, _) in dates)
        {
            Array.Fill(blanked, ' ', index, length);
        }

        return new string(blanked);
    }

    private static decimal? ReadAmount(Match match, bool moneyOnly = false)
    {
        var number = match.Groups["number"].Value;
        if (moneyOnly && !match.Groups["currency"].Success && !number.Contains('.', StringComparison.Ordinal) && !number.Contains(',', StringComparison.Ordinal))
        {
            return null;
        }

        if (!decimal.TryParse(number.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        var negative = match.Groups["minus"].Success
            || (match.Groups["open"].Success && match.Groups["close"].Success)
            || match.Groups["shortage"].Success
            || match.Groups["trailing"].Success;
        return Math.Round(negative ? -amount : amount, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The first rate written with <c>%</c> or "percent", as given.</summary>
    public static decimal? FirstPercent(string text)
    {
        var match = PercentPattern().Match(text);
        return match.Success ? decimal.Parse(match.Groups["rate"].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>
    /// Dates as lenders and agents write them: ISO, US numeric (with a four- or two-digit year), and with the month in words — before or after
    /// the day, abbreviated or not, the day as an ordinal ("January 31st", "the 31st of January"), apart by spaces or by dashes as
    /// mainframe forms print them ("25-JAN-2026", "JAN-25-2026").
    /// </summary>
    [GeneratedRegex(@"\b(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}(?![\d/]))|\d{1,2}-\d{1,2}-(?:\d{4}|\d{2}(?![\d-]))|(?:" + Lexicon.MonthPattern + @")(?:\.?\s+|-)\d{1,2}(?:st|nd|rd|th)?(?:,?\s+|-)\d{4}|\d{1,2}(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|-)(?:" + Lexicon.MonthPattern + @")(?:\.?,?\s+|-)\d{4})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"(?<open>\()?\s*(?<minus>-)?\s*(?<currency>USD\s*|\$\s*)?(?<minus>-)?(?<currency>\$)?\s*(?<![\d.,])(?<number>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)(?![.,]?\d|\s*%|\s*(?:percent|per\s+cent|pct)\b)\s*(?<close>\))?(?:\s*\((?<shortage>shortage|deficit|short)\)|[ ]?(?<shortage>shortage|deficit)\b(?!\s*[:/])|(?<trailing>(?<=\d)-)(?![\w$]))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"(?<rate>\d{1,2}(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b|pct\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PercentPattern();

    /// <summary>A month and a day with no year: "3/14" (not a fraction of a longer number or a date), "Apr 1", "February 28th".</summary>
    [GeneratedRegex(@"(?<![\d/.$,-]|\b(?:page|pg|p|exp|expires|pay|of)\s*)(?<m>1[0-2]|0?[1-9])/(?<d>3[01]|[12][0-9]|0?[1-9])(?![\d/]|\s*(?:ARM|of)\b)|\b(?<month>" + Lexicon.MonthPattern + @")\.?\s+(?<d>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?\b(?![,.]?\s*\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YearlessDate();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    [GeneratedRegex(@"(?<=\d)(?:st|nd|rd|th)\b|\bof\b|,|(?<=[A-Za-z])\.", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateNoise();
}
