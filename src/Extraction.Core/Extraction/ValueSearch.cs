using System.Globalization;
using System.Text.RegularExpressions;

namespace Extraction.Core.Extraction;

/// <summary>
/// Looks for one value's own renderings in a document, rather than for the values the normaliser
/// recognises: an amount with or without separators, in US or European notation, its cents said or not,
/// in words, or in words with its cents in figures ("… and 43/100"); a date in figures in any order of
/// month, day and year, as six or eight digits, with the month in English or Spanish words and the day as
/// a figure, an ordinal or a word, with or without its year; a rate as a number; last four digits at the
/// end of any run of digits. The readings are collected once per document; each question is a set lookup.
/// </summary>
public sealed partial class ValueSearch
{
    /// <summary>Every reading — an amount (decimal), a date (DateOnly), a month and day without a year — and where it is written.</summary>
    private readonly Dictionary<object, List<int>> _places = [];
    private readonly HashSet<decimal> _misprinted = [];
    private readonly HashSet<decimal> _negative = [];
    private readonly HashSet<string> _last4s = new(StringComparer.Ordinal);
    private readonly string _text;
    private int _at;

    private ValueSearch(string text) => _text = text;

    public static ValueSearch Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var search = new ValueSearch(text);
        search.ReadFigures(text);
        var repaired = Misprint().Replace(text, m => Digitised(m.Value));
        if (!ReferenceEquals(repaired, text))
        {
            search._misprinted.UnionWith(DigitRun().Matches(repaired).SelectMany(run => Readings(run.Value)));
        }

        search.ReadWords(text.ToLowerInvariant());
        foreach (var (month, day, year, at) in DateSightings.Read(text))
        {
            search._at = at;
            search.Add(month, day, year);
        }

        return search;
    }

    public Sighting Amount(decimal value)
    {
        var size = Math.Abs(value);
        if (_places.ContainsKey(size))
        {
            return value >= 0 || _negative.Contains(size) ? Sighting.Written : Sighting.Unsure;
        }

        return _misprinted.Contains(size) ? Sighting.Unsure : Sighting.NotFound;
    }

    /// <summary>A rate is a number: "6.125%", "INT RT 06.1250", "six point one two five percent", or a fraction of one: ".06125".</summary>
    public Sighting Rate(decimal rate) => Amount(rate) is not Sighting.NotFound || _places.ContainsKey(rate / 100) ? Sighting.Written : Sighting.NotFound;

    /// <summary>A date with its year, or without one where it falls within half a year of <paramref name="asOf"/>.</summary>
    public Sighting Date(DateOnly date, DateOnly? asOf)
    {
        if (_places.ContainsKey(date))
        {
            return Sighting.Written;
        }

        var near = asOf is not { } day || Math.Abs(date.DayNumber - day.DayNumber) <= 183;
        return near && _places.ContainsKey((date.Month, date.Day)) ? Sighting.Written : Sighting.NotFound;
    }

    public Sighting Last4(string digits) => _last4s.Contains(digits) ? Sighting.Written : Sighting.NotFound;

    /// <summary>
    /// The text around each place an amount, rate or date is written: its line and the line before (a table's header),
    /// to see what the document calls it.
    /// </summary>
    public IEnumerable<string> Surroundings(object value)
    {
        IEnumerable<object> keys = value switch
        {
            decimal amount => [Math.Abs(amount), Math.Abs(amount) / 100],
            DateOnly date => [date, (date.Month, date.Day)],
            _ => [],
        };
        foreach (var at in keys.SelectMany(k => _places.TryGetValue(k, out var places) ? places : []))
        {
            var lineStart = _text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
            var previous = lineStart <= 1 ? 0 : _text.LastIndexOf('\n', lineStart - 2) + 1;
            var end = _text.IndexOf('\n', at) is var e and >= 0 ? e : _text.Length;
            yield return _text[previous..end];
        }
    }

    /// <summary>Remembers where a reading was made (at most a few places each: enough to see what it is called).</summary>
    private void Place(object key)
    {
        if (!_places.TryGetValue(key, out var places))
        {
            _places[key] = places = [];
        }

        if (places.Count < 6)
        {
            places.Add(_at);
        }
    }

    /// <summary>Every run of digits with its separators, read every way it can be: US and European notation, groups apart by spaces.</summary>
    private void ReadFigures(string text)
    {
        foreach (Match run in DigitRun().Matches(text))
        {
            var digits = run.Value;
            var readings = Readings(digits).ToList();
            _at = run.Index;
            readings.ForEach(r => Place(r));

            if (digits.Count(char.IsAsciiDigit) >= 4)
            {
                _last4s.Add(string.Concat(digits.Where(char.IsAsciiDigit))[^4..]);
            }

            if (IsNegative(text, run.Index, run.Length))
            {
                _negative.UnionWith(readings);
            }
        }
    }

    private static IEnumerable<decimal> Readings(string run)
    {
        var plain = run.Replace(" ", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal).Replace("’", "", StringComparison.Ordinal);
        // US: commas group thousands, a dot marks the cents; several dots group thousands.
        var us = plain.Replace(",", "", StringComparison.Ordinal);
        if (us.Count(c => c == '.') > 1)
        {
            us = us.Replace(".", "", StringComparison.Ordinal);
        }

        if (decimal.TryParse(us, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var a))
        {
            yield return a;
        }

        // European: dots (or spaces) group thousands, a comma marks the cents.
        if (plain.Contains(',', StringComparison.Ordinal) && plain.LastIndexOf(',') > plain.LastIndexOf('.'))
        {
            var europe = plain.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
            if (europe.Count(c => c == '.') == 1 && decimal.TryParse(europe, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var e))
            {
                yield return e;
            }
        }

        // Groups apart by single spaces may be one number ("1 234,56") or several: both are readings.
        if (run.Contains(' ', StringComparison.Ordinal))
        {
            foreach (var part in run.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (var reading in Readings(part))
                {
                    yield return reading;
                }
            }
        }
    }

    /// <summary>Written as negative: a minus before or after, parentheses around, or a shortage named on its line or the next.</summary>
    private static bool IsNegative(string text, int index, int length)
    {
        var before = text.AsSpan(Math.Max(0, index - 3), index - Math.Max(0, index - 3)).Trim(" $");
        var after = text.AsSpan(index + length, Math.Min(4, text.Length - index - length));
        if (before.EndsWith("-") || before.EndsWith("(") || before.EndsWith("−") || after.StartsWith("-") || after.StartsWith(")") || after.StartsWith(" CR", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        var nextBreak = text.IndexOf('\n', index + length);
        var lineEnd = nextBreak < 0 ? text.Length : text.IndexOf('\n', nextBreak + 1) is var second and >= 0 ? second : text.Length;
        var previousStart = lineStart == 0 ? 0 : text.LastIndexOf('\n', Math.Max(0, lineStart - 2)) + 1;
        return Shortage().IsMatch(text.AsSpan(previousStart, lineEnd - previousStart));
    }

    /// <summary>
    /// Numbers said in words, with what follows them: cents in figures or words ("… and 43/100", "… dollars and
    /// forty-three cents"), or decimals after "point" ("six point one two five percent").
    /// </summary>
    private void ReadWords(string lower)
    {
        foreach (Match run in WordNumber().Matches(lower))
        {
            if (AmountWords.Number(run.Value) is not { } whole)
            {
                continue;
            }

            _at = run.Index;
            Place(whole);
            var tail = CentsAfter().Match(lower, run.Index + run.Length);
            if (!tail.Success)
            {
                continue;
            }

            if (tail.Groups["point"].Success)
            {
                var decimals = string.Concat(tail.Groups["digit"].Captures.Select(c => DigitOf(c.Value)));
                if (decimal.TryParse($"{whole}.{decimals}", NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    Place(number);
                }
            }
            else if ((tail.Groups["figure"].Success ? long.Parse(tail.Groups["figure"].Value, CultureInfo.InvariantCulture) : AmountWords.Number(tail.Groups["words"].Value)) is { } cents and < 100)
            {
                Place(whole + (cents / 100m));
            }
        }
    }

    private static string DigitOf(string said) =>
        char.IsAsciiDigit(said[0]) ? said : said == "oh" ? "0" : Array.IndexOf(Lexicon.Digits, said).ToString(CultureInfo.InvariantCulture);

    /// <summary>Year 0: written without one.</summary>
    private void Add(int month, int day, int year)
    {
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year is >= 1 and <= 9999 ? year : 2024, month))
        {
            return;
        }

        Place(year == 0 ? (month, day) : new DateOnly(year, month, day));
    }

    private static string Digitised(string token) => string.Concat(token.Select(c => c switch
    {
        'O' or 'o' or 'D' => '0',
        'l' or 'I' or '|' or 'i' => '1',
        'S' or 's' => '5',
        'B' => '8',
        'Z' or 'z' => '2',
        _ => c,
    }));

    /// <summary>Digits with the separators numbers are written with: "1,234.56", "1.234,56", "1 234,56", "05.2500", ".06500".</summary>
    [GeneratedRegex(@"(?:(?<![0-9.,])\.)?[0-9](?:[0-9,.'’]|(?<=[0-9]) (?=[0-9]{3}(?![0-9])))*[0-9]|(?:(?<![0-9.,])\.)?[0-9]", RegexOptions.CultureInvariant)]
    private static partial Regex DigitRun();

    /// <summary>A token of digits with a letter a scanner takes for a digit inside it: "4,l79.43", "1O0.00".</summary>
    [GeneratedRegex(@"(?<=[0-9][,.]?)[OolIi|SsBZz]+(?=[,.]?[0-9])|(?<![A-Za-z])[OolIi|SsBZz](?=[0-9][0-9,.]*\b)", RegexOptions.CultureInvariant)]
    private static partial Regex Misprint();

    [GeneratedRegex(@"\b(?:shortage|deficit|deficiency|overdrawn|negative|owed\s+to\s+escrow|faltante|d[eé]ficit)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Shortage();

    [GeneratedRegex(@"\b" + Lexicon.NumberWord + @"(?:(?:\s+|-|\s+and\s+|,\s*)" + Lexicon.NumberWord + @")*\b", RegexOptions.CultureInvariant)]
    private static partial Regex WordNumber();

    [GeneratedRegex(@"\G\s*(?:dollars?\s*)?(?:(?<point>point)(?:\s+(?<digit>[0-9]|oh|" + Lexicon.DigitWords + @")\b)+|(?:and|with|y|con|&|,)?\s*(?:(?<figure>[0-9]{1,2})\s*(?:/\s*100|cents?\b|¢)|(?<words>" + Lexicon.NumberWord + @"(?:[\s-]+" + Lexicon.NumberWord + @")*)\s+cents?\b))", RegexOptions.CultureInvariant)]
    private static partial Regex CentsAfter();
}
