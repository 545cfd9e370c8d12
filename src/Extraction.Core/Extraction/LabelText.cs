using System.Text.RegularExpressions;

namespace Extraction.Core.Extraction;

/// <summary>
/// A line with the abbreviations of ledgers and forms written out ("Prin Bal" → "Principal Balance",
/// "Amt Req'd" → "Amount Required", "Int" → "Interest", "Mbr Acct" → "Member Account"), so one label
/// vocabulary reads both. Values are untouched: only whole words of letters are replaced.
/// </summary>
public static partial class LabelText
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["prin"] = "principal", ["princ"] = "principal", ["bal"] = "balance", ["int"] = "interest", ["amt"] = "amount",
        ["pmt"] = "payment", ["pymt"] = "payment", ["chg"] = "charge", ["acct"] = "account", ["mbr"] = "member",
        ["req'd"] = "required", ["reqd"] = "required", ["stmt"] = "statement", ["thru"] = "through", ["avail"] = "available",
        ["orig"] = "original", ["curr"] = "current", ["min"] = "minimum",
    };

    public static string Expand(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Abbreviation().Replace(line, m => Words[m.Groups["word"].Value]);
    }

    /// <summary>Where the character at <paramref name="expandedIndex"/> of <c>Expand(line)</c> stands in <paramref name="line"/> as written: a table's columns are the written ones.</summary>
    public static int WrittenIndex(string line, int expandedIndex)
    {
        ArgumentNullException.ThrowIfNull(line);
        var growth = 0;
        foreach (Match match in Abbreviation().Matches(line))
        {
            var expansion = Words[match.Groups["word"].Value].Length - match.Length;
            if (match.Index + growth + match.Length + expansion > expandedIndex)
            {
                break;
            }

            growth += expansion;
        }

        return Math.Clamp(expandedIndex - growth, 0, line.Length);
    }

    /// <summary>"Min" only before a payment word, so "10 min" on a call stays minutes.</summary>
    [GeneratedRegex(@"\b(?<word>prin|princ|bal|int|amt|pmt|pymt|chg|acct|mbr|req'?d|stmt|thru|avail|orig|curr|min(?=\.?\s+(?:pay|pmt|amount|amt|due)))\b\.?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Abbreviation();
}
