using System.Text;

namespace Extraction.Tooling.Generation.Families.Blind4;

/// <summary>What a fax, a scanner and OCR do to a page: a narrow column's wraps, misread letters, a dollar sign read as S, specks.</summary>
internal static class Ocr
{
    private static readonly string[] MonthWords =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    ];

    /// <summary>What OCR does to a scanned page: letters misread in words, a dollar sign read as S, stray specks.</summary>
    public static string Garble(Draw draw, string line)
    {
        var tokens = line.Split(' ');
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (t.Length > 1 && t[0] == '$' && char.IsDigit(t[1]))
            {
                if (draw.OneIn(4))
                {
                    tokens[i] = draw.Pick("S", "§", "$ ") + t[1..];
                }

                continue;
            }

            if (t.Length < 4 || t.Any(char.IsDigit) || MonthWords.Contains(t.TrimEnd(',', '.')) || !draw.OneIn(8))
            {
                continue;
            }

            tokens[i] = Misread(draw, t);
        }

        var result = string.Join(' ', tokens);
        if (result.Trim().Length > 0 && draw.OneIn(14))
        {
            result = draw.OneIn(2) ? draw.Pick("'", "|", "·", "~") + " " + result : result + " " + draw.Pick("'", "·", "`", ",");
        }

        return result;
    }

    private static readonly (string From, string To)[] Confusions =
    [
        ("m", "rn"), ("rn", "m"), ("l", "1"), ("i", "l"), ("I", "l"), ("e", "c"), ("h", "b"), ("d", "cl"),
        ("O", "0"), ("o", "0"), ("S", "5"), ("u", "ii"), ("n", "ri"), ("f", "t"), ("y", "v"), ("a", "o"),
    ];

    private static string Misread(Draw draw, string word)
    {
        var candidates = Confusions.Where(c => word.Contains(c.From, StringComparison.Ordinal)).ToArray();
        if (candidates.Length == 0)
        {
            return word;
        }

        var (from, to) = draw.Pick(candidates);
        var at = word.IndexOf(from, StringComparison.Ordinal);
        return string.Concat(word.AsSpan(0, at), to, word.AsSpan(at + from.Length));
    }

    /// <summary>Wraps a paragraph the way a narrow scan column does, now and then hyphenating a long word.</summary>
    public static string Wrap(Draw draw, string paragraph, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in paragraph.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                if (word.Length >= 8 && word.All(char.IsLetter) && draw.OneIn(3) && line.Length + 5 < width)
                {
                    var cut = Math.Min(word.Length - 3, width - line.Length - 2);
                    line.Append(' ').Append(word.AsSpan(0, cut)).Append('-');
                    lines.Add(line.ToString());
                    line.Clear().Append(word.AsSpan(cut));
                    continue;
                }

                lines.Add(line.ToString());
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        lines.Add(line.ToString());
        return string.Join('\n', lines);
    }
}
