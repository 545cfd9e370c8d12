using System.Globalization;
using System.Text.RegularExpressions;

namespace Extraction.Core.Extraction;

/// <summary>
/// Every way a text may write a date, read generously for <see cref="ValueSearch"/>: month, day and year in figures
/// in either order with one separator, six or eight digits together, a month in English or Spanish words next to a
/// day in figures, ordinals or words, before or after it, with the year after them or none (year 0).
/// </summary>
internal static partial class DateSightings
{
    public static IEnumerable<(int Month, int Day, int Year, int Index)> Read(string text) => Numeric(text).Concat(Named(text.ToLowerInvariant()));

    /// <summary>Dates in figures: month, day and year in any order with one separator, or six or eight digits together.</summary>
    private static IEnumerable<(int Month, int Day, int Year, int Index)> Numeric(string text)
    {
        foreach (Match match in NumericDate().Matches(text))
        {
            var (a, b) = (Number(match.Groups["a"]), Number(match.Groups["b"]));
            var c = match.Groups["c"].Success ? Number(match.Groups["c"]) : (int?)null;
            if (match.Groups["a"].Length == 4)
            {
                yield return (b, c ?? 0, a, match.Index);
                continue;
            }

            // Month first in the US, day first elsewhere: both are readings.
            var year = c is { } y ? (y < 100 ? 2000 + y : y) : 0;
            yield return (a, b, year, match.Index);
            yield return (b, a, year, match.Index);
        }

        foreach (Match match in CompactDate().Matches(text))
        {
            var digits = match.Value;
            int Part(int start, int length) => int.Parse(digits.AsSpan(start, length), CultureInfo.InvariantCulture);
            if (digits.Length == 6)
            {
                yield return (Part(0, 2), Part(2, 2), 2000 + Part(4, 2), match.Index);
            }
            else
            {
                yield return (Part(0, 2), Part(2, 2), Part(4, 4), match.Index);
                yield return (Part(4, 2), Part(6, 2), Part(0, 4), match.Index);
                yield return (Part(2, 2), Part(0, 2), Part(4, 4), match.Index);
            }
        }
    }

    /// <summary>A month in words next to a day (figure, ordinal or words), before or after it, with a year after them or none.</summary>
    private static IEnumerable<(int Month, int Day, int Year, int Index)> Named(string lower)
    {
        var tokens = Token().Matches(lower).Select(t => (t.Value, t.Index)).ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            var month = Lexicon.Month(tokens[i].Value);
            if (month == 0)
            {
                continue;
            }

            // Day after the month ("November 30th, 2026", "Nov thirtieth"), or before it ("the 30th of November", "30 de noviembre de 2026").
            if (DayAt(tokens, Skip(tokens, i + 1)) is { } after)
            {
                yield return (month, after.Day, YearAfter(tokens, after.Next), tokens[i].Index);
            }

            if (DayBefore(tokens, i) is { } day)
            {
                yield return (month, day, YearAfter(tokens, i + 1), tokens[i].Index);
            }
        }
    }

    /// <summary>The year said after a month and day, fillers skipped; 0 where none is.</summary>
    private static int YearAfter(List<(string Value, int Index)> tokens, int next) => YearAt(tokens, Skip(tokens, next)) ?? 0;

    private static int Skip(List<(string Value, int Index)> tokens, int i)
    {
        while (i < tokens.Count && Filler().IsMatch(tokens[i].Value))
        {
            i++;
        }

        return i;
    }

    /// <summary>A day at <paramref name="i"/>: "30", "30th", "thirtieth", "twenty first", "fifteen"; with the index after it.</summary>
    private static (int Day, int Next)? DayAt(List<(string Value, int Index)> tokens, int i)
    {
        if (i >= tokens.Count)
        {
            return null;
        }

        var word = tokens[i].Value;
        if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var figure))
        {
            var next = i + 1 < tokens.Count && Suffix().IsMatch(tokens[i + 1].Value) ? i + 2 : i + 1;
            return figure is >= 1 and <= 31 && word.Length <= 2 ? (figure, next) : null;
        }

        var tens = word is "twenty" ? 20 : word is "thirty" ? 30 : 0;
        if (tens > 0 && i + 1 < tokens.Count && UnitDay(tokens[i + 1].Value) is { } unit and < 10 && tens + unit <= 31)
        {
            return (tens + unit, i + 2);
        }

        return UnitDay(word) is { } day ? (day, i + 1) : null;
    }

    /// <summary>A day just before a month, fillers between: "the 30th of", "30 de", "thirtieth of", "twenty first of".</summary>
    private static int? DayBefore(List<(string Value, int Index)> tokens, int month)
    {
        var last = month - 1;
        while (last >= 0 && Filler().IsMatch(tokens[last].Value))
        {
            last--;
        }

        if (last > 0 && Suffix().IsMatch(tokens[last].Value))
        {
            last--;
        }

        if (last < 0)
        {
            return null;
        }

        if (last > 0 && DayAt(tokens, last - 1) is { } pair && pair.Next == last + 1 && pair.Day >= 20)
        {
            return pair.Day;
        }

        return DayAt(tokens, last)?.Day;
    }

    private static int? UnitDay(string word) =>
        Lexicon.Ordinals.TryGetValue(word, out var ordinal) ? ordinal
        : Array.IndexOf(Lexicon.Units, word) is var unit and >= 1 ? unit
        : word == "twenty" ? 20 : word == "thirty" ? 30 : null;

    /// <summary>A year at <paramref name="i"/>: "2026", "twenty twenty six", "two thousand twenty six".</summary>
    private static int? YearAt(List<(string Value, int Index)> tokens, int i)
    {
        if (i >= tokens.Count)
        {
            return null;
        }

        if (tokens[i].Value.Length == 4 && int.TryParse(tokens[i].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var figure))
        {
            return figure is >= 1900 and <= 2199 ? figure : null;
        }

        var words = tokens.Skip(i).Take(5).TakeWhile(t => NumberWordToken().IsMatch(t.Value)).Select(t => t.Value).ToList();
        if (words.Count >= 2 && words[0] == "twenty" && words[1] != "thousand" && AmountWords.Number(string.Join(' ', words.Skip(1).Take(2))) is { } rest and < 100)
        {
            return 2000 + (int)rest;
        }

        return words.Count >= 2 && AmountWords.Number(string.Join(' ', words)) is { } said and >= 1900 and <= 2199 ? (int)said : null;
    }

    private static int Number(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<![0-9/.\-])(?<a>[0-9]{1,4})(?<sep>[/.\-])(?<b>[0-9]{1,2})(?:\k<sep>(?<c>[0-9]{4}|[0-9]{2}))?(?![0-9]|[/.\-][0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(?<![0-9,.$])(?:[0-9]{8}|[0-9]{6})(?![0-9,.])", RegexOptions.CultureInvariant)]
    private static partial Regex CompactDate();

    [GeneratedRegex(@"\p{L}+|[0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    [GeneratedRegex(@"^(?:the|of|de|del|el|on|a|día|dia)$", RegexOptions.CultureInvariant)]
    private static partial Regex Filler();

    [GeneratedRegex(@"^(?:st|nd|rd|th|º|er|o)$", RegexOptions.CultureInvariant)]
    private static partial Regex Suffix();

    [GeneratedRegex(@"^(?:" + Lexicon.UnitWords + "|" + Lexicon.TensWords + "|" + Lexicon.ScaleWords + "|and)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberWordToken();
}
