using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Extraction.Core.Extraction;

/// <summary>
/// Data pasted as a document — an aggregator's JSON, a portal's CSV export — as lines a label reads:
/// JSON as "fixed interest rate percentage: 7.125%" (the last two keys in words, after the kind its object names;
/// a number under a rate's key is a percent, under a money key money; an account object opens a section), CSV as columns padded to line up, so a header's cell stands over its values and its total.
/// </summary>
public static partial class DataText
{
    private const int MinimumCsvLines = 3;

    /// <summary>The lines of <paramref name="text"/> if it holds JSON or CSV, else null.</summary>
    public static string[]? Lines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return JsonLines(text) ?? CsvLines(text);
    }

    private static string[]? JsonLines(string text)
    {
        var start = JsonStart().Match(text);
        if (!start.Success)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(text[start.Index..], new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var lines = text[..start.Index].Split('\n').Where(l => l.Trim().Length > 0).ToList();
            Flatten(json.RootElement, [], lines, new Dictionary<string, string>(StringComparer.Ordinal));
            return [.. lines];
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Flatten(JsonElement element, List<string> path, List<string> lines, Dictionary<string, string> headings, string kind = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                // An object's own kind ("apr_type": "purchase_apr") names its numbers: "purchase apr percentage: 18.82%".
                var own = element.EnumerateObject().FirstOrDefault(p => p.Value.ValueKind == JsonValueKind.String && KindKey().IsMatch(p.Name));
                var ownKind = own.Value.ValueKind == JsonValueKind.String ? Words(own.Value.GetString()!) : kind;
                if (Heading(element, headings) is { } heading)
                {
                    lines.Add(heading);
                }

                foreach (var property in element.EnumerateObject())
                {
                    path.Add(property.Name);
                    Flatten(property.Value, path, lines, headings, ownKind);
                    path.RemoveAt(path.Count - 1);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, path, lines, headings, kind);
                }

                break;
            case JsonValueKind.Number:
                var label = Kinded(kind, Keys(path));
                var number = element.GetRawText();
                lines.Add(RateKey().IsMatch(label) ? $"{label}: {number}%" : MoneyKey().IsMatch(label) ? $"{label}: ${number}" : $"{label}: {number}");
                break;
            case JsonValueKind.String:
                lines.Add($"{Keys(path)}: {element.GetString()}");
                break;
            default:
                break;
        }
    }

    /// <summary>The kind, then the key's words it does not already say: "cash apr" + "aprs apr percentage" → "cash apr aprs percentage".</summary>
    private static string Kinded(string kind, string keys)
    {
        var said = kind.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', [.. said, .. keys.Split(' ').Where(w => !said.Contains(w, StringComparer.Ordinal))]);
    }

    /// <summary>The last two keys in words; a plural parent of one word reads after it: "balances" / "current" → "current balance".</summary>
    private static string Keys(List<string> path)
    {
        if (path.Count == 0)
        {
            return "value"; // a root that is a plain value or an array of them
        }

        var child = Words(path[^1]);
        if (path.Count > 1 && Words(path[^2]) is var parent && parent.EndsWith('s') && !parent.Contains(' ', StringComparison.Ordinal) && !child.Contains(' ', StringComparison.Ordinal))
        {
            return $"{child} {parent[..^1]}";
        }

        return Words(string.Join(' ', path.TakeLast(2)));
    }

    /// <summary>
    /// An account object of an aggregator's data ("name", "subtype", "mask") opens a section as a statement would,
    /// "Home Loan mortgage account ****4702", so the account the liability is can be told from the others; the
    /// liability details that name the account by its id later open its section again.
    /// </summary>
    private static string? Heading(JsonElement account, Dictionary<string, string> headings)
    {
        string? Text(string name) => account.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var (id, number) = (Text("account_id"), Text("mask"));
        var product = string.Join(' ', new[] { Text("name"), Text("official_name"), Text("subtype") }.Where(t => !string.IsNullOrWhiteSpace(t)));
        if (number is { Length: >= 4 } && product.Length > 0)
        {
            var heading = $"{product} account ****{number[^4..]}";
            if (id is not null)
            {
                headings[id] = heading;
            }

            return heading;
        }

        return id is not null && headings.TryGetValue(id, out var known) ? known : null;
    }

    /// <summary>Keys in words: "interest_rate percentage" → "interest rate percentage", "purchaseApr" → "purchase apr".</summary>
    private static string Words(string keys) => KeyBreak().Replace(keys, " ").Trim().ToLower(CultureInfo.InvariantCulture);

    private static string[]? CsvLines(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        if (lines.Count(l => SeparatorComma().IsMatch(Unquoted(l))) < MinimumCsvLines)
        {
            return null;
        }

        var rows = lines.Select(l => SeparatorComma().IsMatch(Unquoted(l)) ? Cells(l) : null).ToArray();
        var result = new string[lines.Length];
        for (var i = 0; i < lines.Length;)
        {
            if (rows[i] is not { } first)
            {
                result[i] = lines[i];
                i++;
                continue;
            }

            // A block of rows with the same number of cells is one table: its columns are padded to line up.
            var end = i + 1;
            while (end < lines.Length && rows[end] is { } next && next.Count == first.Count)
            {
                end++;
            }

            var widths = Enumerable.Range(0, first.Count).Select(c => Enumerable.Range(i, end - i).Max(r => rows[r]![c].Length)).ToArray();
            for (var r = i; r < end; r++)
            {
                result[r] = string.Join("  ", rows[r]!.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd();
            }

            i = end;
        }

        return result;
    }

    /// <summary>The cells of a CSV line, quotes removed; a comma inside quotes or inside an amount's thousands stays in its cell.</summary>
    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var thousands = Thousands().Matches(line);
        bool IsThousands(int comma) => thousands.Any(m => m.Index < comma && comma < m.Index + m.Length);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted && !IsThousands(i))
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString().Trim());
        return cells;
    }



    /// <summary>The line with quoted cells and amounts written with thousands separators blanked, so only separating commas remain.</summary>
    private static string Unquoted(string line) => Thousands().Replace(Quoted().Replace(line, "\"\""), "0");

    /// <summary>A line that opens a JSON object or an array of objects, arrays or strings — not a transcript's "[10:35 AM]".</summary>
    [GeneratedRegex(@"^[ \t]*(?:\{|\[[ \t]*(?:[\[{""]|\r?$))", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex JsonStart();

    [GeneratedRegex(@"[_\s]+|(?<=[a-z])(?=[A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex KeyBreak();

    [GeneratedRegex(@"(?:^|_)(?:type|kind)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KindKey();

    [GeneratedRegex(@"\b(?:balance|amount|payment|limit|fee|principal|paid)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoneyKey();

    [GeneratedRegex(@"\b(?:rate|apr|percentage)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RateKey();

    /// <summary>A comma between cells: not followed by a space as prose's are, nor ending a line ("Dear Borrower,").</summary>
    [GeneratedRegex(@",(?![ \r]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex SeparatorComma();

    [GeneratedRegex(@"(?<![\d.])\$?\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?(?![\d,])", RegexOptions.CultureInvariant)]
    private static partial Regex Thousands();

    [GeneratedRegex("\"[^\"]*\"", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();
}
