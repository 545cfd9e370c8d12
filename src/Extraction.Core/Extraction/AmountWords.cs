using System.Globalization;
using System.Text.RegularExpressions;

namespace Extraction.Core.Extraction;

/// <summary>
/// Money said in words, as an agent reads a figure aloud or a letter writes it out: "eight thousand two
/// hundred fourteen dollars and fifty-five cents", "twelve hundred dollars", "forty-two dollars even" —
/// and half in figures, as a transcript writes what an automated voice says: "$146 and 18 cents",
/// "4,587 dollars and 19 cents", "$914 and two cents".
/// </summary>
public static partial class AmountWords
{
    /// <summary>"zero" to "nineteen", then "twenty" to "ninety": the lexicon's words with their values.</summary>
    private static readonly Dictionary<string, int> Units = Lexicon.Units.Select((word, i) => (word, value: i))
        .Concat(Lexicon.Tens.Select((word, i) => (word, value: (i + 2) * 10)))
        .ToDictionary(w => w.word, w => w.value, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, int> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hundred"] = 100, ["thousand"] = 1_000, ["million"] = 1_000_000,
    };

    /// <summary>Every amount said in words, wholly or in part, in <paramref name="text"/>, with its place and length, in the order of the text.</summary>
    public static IEnumerable<(int Index, int Length, decimal Amount)> All(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var inWords = SpokenAmount().Matches(text)
            .Select(m => (m.Index, m.Length, Dollars: Number(m.Groups["dollars"].Value), Cents: Cents(m)));
        var halfFigures = FiguresAndCents().Matches(text)
            .Where(m => m.Groups["unit"].Success || m.Groups["cents"].Success)
            .Select(m => (m.Index, m.Length, Dollars: long.TryParse(m.Groups["dollars"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d < 10_000_000_000 ? d : (long?)null, Cents: Cents(m)));
        return inWords.Concat(halfFigures)
            .Where(a => a.Dollars is not null && a.Cents is >= 0 and < 100)
            .Select(a => (a.Index, a.Length, a.Dollars!.Value + (a.Cents!.Value / 100m)))
            .OrderBy(a => a.Index);
    }

    /// <summary>The cents said after the dollars, in words or figures; 0 when none are said.</summary>
    private static long? Cents(Match match)
    {
        var cents = match.Groups["cents"];
        return !cents.Success ? 0
            : long.TryParse(cents.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var figure) ? figure
            : Number(cents.Value);
    }

    /// <summary>A number in words ("two hundred fourteen", "twelve hundred", "forty-two"), or null if a word is not a number word.</summary>
    public static long? Number(string words)
    {
        long total = 0, current = 0;
        var any = false;
        foreach (var word in words.Split([' ', '-', ',', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Equals("and", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (Units.TryGetValue(word, out var unit))
            {
                current += unit;
            }
            else if (Scales.TryGetValue(word, out var scale))
            {
                if (scale == 100)
                {
                    current = Math.Max(current, 1) * 100;
                }
                else
                {
                    total += Math.Max(current, 1) * scale;
                    current = 0;
                }
            }
            else
            {
                return null;
            }

            any = true;
        }

        return any ? total + current : null;
    }

    private const string NumberWords = Lexicon.NumberWord;

    [GeneratedRegex(@"\b(?<dollars>" + NumberWords + @"(?:(?:\s+|-|\s+and\s+|,\s*)" + NumberWords + @")*)\s+dollars?(?:\s+(?:and\s+)?(?<cents>" + NumberWords + @"(?:(?:\s+|-)" + NumberWords + @")*)\s+cents?)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpokenAmount();

    /// <summary>Dollars in figures said with their unit or their cents: "$146 and 18 cents", "452 dollars and 10 cents", "2,406 dollars".</summary>
    [GeneratedRegex(@"(?<![\d.,])(?:\$\s*)?(?<dollars>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?![.,]\d)(?<unit>\s+dollars?)?(?:\s+and\s+(?<cents>\d{1,2}|" + NumberWords + @"(?:(?:\s+|-)" + NumberWords + @")*)\s+cents?)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FiguresAndCents();
}
