using System.Globalization;
using System.Text.RegularExpressions;

namespace Extraction.Core.Extraction;

/// <summary>
/// Dates and digit strings as a person or an automated voice says them: "January twenty-sixth, twenty
/// twenty-six", "the third of March, 2026"; an account's digits one at a time, "7-2-8-4", "4 4 1 2",
/// "six four one seven". Money said aloud is <see cref="AmountWords"/>.
/// </summary>
public static partial class SpokenForms
{
    /// <summary>Every date said with its day or its year in words, with its place and length.</summary>
    public static IEnumerable<(int Index, int Length, DateOnly Date)> Dates(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!MonthName().IsMatch(text))
        {
            // Most lines name no month: the spoken-date pattern, the costliest of the normaliser's, is not run on them.
            yield break;
        }

        foreach (Match match in SpokenDate().Matches(text))
        {
            var month = DateTime.ParseExact(match.Groups["month"].Value[..3], "MMM", CultureInfo.InvariantCulture).Month;
            if (Day(match.Groups["day"].Value) is { } day && Year(match.Groups["year"].Value) is { } year and >= 1900 and <= 2199
                && day <= DateTime.DaysInMonth(year, month))
            {
                yield return (match.Index, match.Length, new DateOnly(year, month, day));
            }
        }
    }

    /// <summary>
    /// Every run of four or more digits — written together ("5463", masked or not) or said one at a time
    /// ("2-1-6-0", "9 6 9 0", "two one one one") — as the digits, with its place.
    /// </summary>
    public static IEnumerable<(int Index, string Digits)> DigitRuns(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match run in WrittenDigits().Matches(text))
        {
            yield return (run.Index, run.Value);
        }

        foreach (var (index, _, digits) in SaidDigitRuns(text))
        {
            yield return (index, digits);
        }
    }

    /// <summary>Every run of four or more digits said one at a time, with its place, its length and the digits.</summary>
    public static IEnumerable<(int Index, int Length, string Digits)> SaidDigitRuns(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SaidDigits().Matches(text).Select(run => (run.Index, run.Length, Digits(run.Value)));
    }

    /// <summary>A run said one digit at a time with all but its last four digits masked: "4 1 1 1 2 2 3 3" → "* * * * 2 2 3 3".</summary>
    public static string MaskAllButLast4(string said)
    {
        ArgumentNullException.ThrowIfNull(said);
        var tokens = OneDigitToken().Matches(said);
        var masked = said.ToCharArray().ToList();
        foreach (var token in tokens.Take(tokens.Count - 4).Reverse())
        {
            masked.RemoveRange(token.Index, token.Length);
            masked.Insert(token.Index, '*');
        }

        return new string([.. masked]);
    }

    /// <summary>Digits said one at a time starting at <paramref name="start"/> (after spaces, a colon or "is"), or null.</summary>
    public static string? SaidDigitsAt(string line, int start)
    {
        ArgumentNullException.ThrowIfNull(line);
        var match = SaidDigitsAfterLabel().Match(line, start);
        return match.Success ? Digits(match.Groups["digits"].Value) : null;
    }

    private static string Digits(string said) =>
        string.Concat(said.Split([' ', '-', ',', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => char.IsDigit(t[0]) ? t : Array.FindIndex(Lexicon.Digits, w => w.Equals(t, StringComparison.OrdinalIgnoreCase)) is var i and >= 0 ? i.ToString(CultureInfo.InvariantCulture) : "0"));

    /// <summary>"26", "26th", "twenty-sixth", "twenty six", "third".</summary>
    private static int? Day(string said)
    {
        var digits = said.TrimEnd('s', 't', 'n', 'd', 'r', 'h', 'S', 'T', 'N', 'D', 'R', 'H');
        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var day))
        {
            return day is >= 1 and <= 31 ? day : null;
        }

        var words = said.ToLowerInvariant().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        var tens = words[0] switch { "twenty" when words.Length > 1 => 20, "thirty" when words.Length > 1 => 30, _ => 0 };
        var last = words[^1];
        var unit = Lexicon.Ordinals.TryGetValue(last, out var o) ? o : (int?)AmountWords.Number(last);
        return unit is { } u && tens + u is var total and >= 1 and <= 31 ? total : null;
    }

    /// <summary>"2026", "twenty twenty-six", "two thousand twenty-six".</summary>
    private static int? Year(string said)
    {
        if (int.TryParse(said, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return year is >= 1900 and <= 2199 ? year : null;
        }

        var words = said.ToLowerInvariant().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        long? value = words[0] == "twenty" && words.Length > 1 && words[1] != "thousand"
            ? 2000 + AmountWords.Number(string.Join(' ', words[1..]))
            : AmountWords.Number(said);
        return value is >= 1900 and <= 2199 ? (int)value : null;
    }

    private const string Month = @"(?<month>" + Lexicon.MonthPattern + @")\.?";

    private const string DayWords = @"(?:(?:twenty|thirty)[-\s]+)?(?:" + Lexicon.OrdinalWords + "|" + Lexicon.OneToNine + "|" + Lexicon.TenToNineteen + "|twenty|thirty)";

    private const string YearWords = @"(?:twenty[-\s]+(?:twenty|thirty)(?:[-\s]+(?:" + Lexicon.OneToNine + @"))?|two\s+thousand(?:\s+and)?(?:\s+(?:twenty|thirty)(?:[-\s]+(?:" + Lexicon.OneToNine + @"))?|\s+(?:" + Lexicon.OneToNine + "|" + Lexicon.TenToNineteen + "))?)";

    /// <summary>A month with a day and a year of which at least one is in words: "March twenty-fourth, twenty twenty-six", "the 3rd of May, two thousand twenty-six".</summary>
    [GeneratedRegex(@"\b(?:" + Month + @"\s+(?:the\s+)?(?<day>" + DayWords + @")(?:,\s*|\s+)(?<year>\d{4}|" + YearWords + @")|" + Month + @"\s+(?<day>\d{1,2}(?:st|nd|rd|th)?)(?:,\s*|\s+)(?<year>" + YearWords + @")|(?:the\s+)?(?<day>" + DayWords + @"|\d{1,2}(?:st|nd|rd|th)?)\s+of\s+" + Month + @",?\s+(?<year>\d{4}|" + YearWords + @"))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpokenDate();

    [GeneratedRegex(@"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthName();

    [GeneratedRegex(@"\d{4,}", RegexOptions.CultureInvariant)]
    private static partial Regex WrittenDigits();

    private const string OneDigit = @"(?:\d|oh|" + Lexicon.DigitWords + ")";

    /// <summary>Four or more single digits said one at a time, apart by spaces, dashes or commas ("4 1 1 1, 2 2 2 2"): not part of a larger number.</summary>
    private const string SaidRun = OneDigit + @"(?:(?:\s*[-,]\s*|\s+)" + OneDigit + @"){3,}(?![\w]|[.,]\d)";

    [GeneratedRegex(@"(?<![\w.,$-])" + SaidRun, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SaidDigits();

    [GeneratedRegex(@"\b" + OneDigit + @"\b|\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OneDigitToken();

    [GeneratedRegex(@"\G[\s:#]*(?:is\s+)?(?<digits>" + SaidRun + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SaidDigitsAfterLabel();
}
