using System.Text.RegularExpressions;

namespace Extraction.Core.Extraction;

/// <summary>
/// A scanned letter read by OCR misreads letters in words: "Pay0ff", "Princlpal", "Loan Nurnber", "g0od
/// through", "Ncxt Due". A word one misread letter away from a label word (or with "rn" for "m", "ii" for
/// "u") is read as that word, so labels are found on scans; figures are never touched.
/// </summary>
public static partial class MisreadWords
{
    private static readonly string[] Vocabulary =
    [
        "payoff", "amount", "balance", "principal", "interest", "escrow", "deficit", "shortage", "number", "account", "loan",
        "payment", "installment", "minimum", "statement", "credit", "limit", "through", "until", "good", "valid", "expires",
        "daily", "diem", "rate", "annual", "percentage", "next", "due", "date", "regular", "monthly", "scheduled", "total",
        "unpaid", "outstanding", "current", "remaining", "ending", "required", "needed", "funds", "member", "charges",
        "late", "additional", "each", "per", "day", "fixed", "variable", "purchase", "new", "closing",
    ];

    private static readonly HashSet<string> LabelWords = new(Vocabulary, StringComparer.Ordinal);

    /// <summary>The label words by length: a misread word is compared only with words as long as it.</summary>
    private static readonly Dictionary<int, string[]> ByLength = Vocabulary.GroupBy(w => w.Length).ToDictionary(g => g.Key, g => g.ToArray());

    /// <summary>Letters OCR takes for one another: a word is repaired only through one of these ("changes" is not "charges").</summary>
    private static readonly HashSet<(char, char)> Confusable =
    [
        ('0', 'o'), ('1', 'l'), ('1', 'i'), ('l', 'i'), ('5', 's'), ('c', 'e'), ('o', 'a'), ('t', 'f'), ('b', 'h'), ('n', 'h'), ('c', 'o'),
    ];

    public static string Repair(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        // A repaired word keeps the printed word's width ("Nurnber" → "Number "), so a table's columns stay where they were.
        return Word().Replace(line, m => Repaired(m.Value) is { } word ? Cased(word, m.Value).PadRight(m.Length) : m.Value);
    }

    private static string? Repaired(string token)
    {
        var lower = token.ToLowerInvariant();
        if (LabelWords.Contains(lower) || lower.Count(char.IsDigit) > 1)
        {
            return null;
        }

        var joined = lower.Replace("rn", "m", StringComparison.Ordinal).Replace("ii", "u", StringComparison.Ordinal);
        if (joined != lower && LabelWords.Contains(joined))
        {
            return joined;
        }

        string? near = null;
        foreach (var word in ByLength.GetValueOrDefault(lower.Length, []))
        {
            if (OneLetterAway(word, lower))
            {
                if (near is not null)
                {
                    return null; // two label words are as near: no guess
                }

                near = word;
            }
        }

        return near;
    }

    private static bool OneLetterAway(string word, string read)
    {
        var differ = -1;
        for (var i = 0; i < word.Length; i++)
        {
            if (word[i] != read[i])
            {
                if (differ >= 0)
                {
                    return false;
                }

                differ = i;
            }
        }

        return differ >= 0 && (Confusable.Contains((word[differ], read[differ])) || Confusable.Contains((read[differ], word[differ])));
    }

    /// <summary>The repaired word in the case the scan printed it: "PAYOFF", "Payoff", "payoff".</summary>
    private static string Cased(string word, string printed) =>
        printed.All(c => !char.IsLower(c)) ? word.ToUpperInvariant()
        : char.IsUpper(printed[0]) ? char.ToUpperInvariant(word[0]) + word[1..]
        : word;

    /// <summary>A word of four or more letters that may hold one misread digit, not a figure.</summary>
    [GeneratedRegex(@"(?<![\w$§.,])[A-Za-z][A-Za-z0-9]{3,}(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
