using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Extraction.Core.Extraction;

/// <summary>
/// A document as lines of text, whatever it was written in: a servicer portal page saved as HTML becomes
/// one line per table row, paragraph or list item, its cells side by side ("Payoff Amount $14,127.79"), a
/// header row paired with the row of values under it, so a label and its value meet on a line as they do
/// in a letter. JSON and CSV pasted as a document are read as lines too (<see cref="DataText"/>). Plain text passes through unchanged.
/// </summary>
public static partial class DocumentText
{
    public static string[] Lines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Markup().IsMatch(text))
        {
            return DataText.Lines(text) ?? text.Split('\n');
        }

        var plain = CellBreak().Replace(PairHeaderRows(text), "  ");
        plain = LineBreak().Replace(plain, "\n");
        plain = WebUtility.HtmlDecode(Tag().Replace(Hidden().Replace(plain, " "), " "));
        return [.. plain.Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0)];
    }

    /// <summary>
    /// A table whose first row names the columns and whose next row holds the values is read as
    /// "name value  name value", so each value stands next to its label as in a two-column table.
    /// </summary>
    private static string PairHeaderRows(string html)
    {
        var rows = Row().Matches(html);
        if (rows.Count < 2)
        {
            return html;
        }

        var result = new StringBuilder();
        var copied = 0;
        for (var i = 0; i + 1 < rows.Count; i++)
        {
            var (header, values) = (Cells(rows[i]), Cells(rows[i + 1]));
            if (header.Count < 2 || header.Count != values.Count || header.Any(c => !c.Header) || values.Any(c => c.Header))
            {
                continue;
            }

            result.Append(html, copied, rows[i].Index - copied).Append("<tr>");
            foreach (var (name, value) in header.Zip(values))
            {
                result.Append("<td>").Append(name.Text).Append(' ').Append(value.Text).Append("</td>");
            }

            result.Append("</tr>");
            copied = rows[i + 1].Index + rows[i + 1].Length;
            i++;
        }

        return copied == 0 ? html : result.Append(html, copied, html.Length - copied).ToString();

        static List<(bool Header, string Text)> Cells(Match row) =>
            [.. Cell().Matches(row.Groups["cells"].Value).Select(c => (c.Groups["kind"].Value.Equals("h", StringComparison.OrdinalIgnoreCase), c.Groups["text"].Value))];
    }

    [GeneratedRegex(@"<\s*tr\b[^>]*>(?<cells>.*?)<\s*/\s*tr\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Row();

    [GeneratedRegex(@"<\s*t(?<kind>[hd])\b[^>]*>(?<text>.*?)<\s*/\s*t[hd]\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Cell();

    [GeneratedRegex(@"<\s*(?:table|tr|td|th|div|p|br|li|span|html|body)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Markup();

    [GeneratedRegex(@"<\s*/\s*t[dh]\s*>\s*<\s*t[dh]\b[^>]*>|<\s*/\s*(?:dt|label)\s*>\s*<\s*(?:dd|span|div)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CellBreak();

    [GeneratedRegex(@"<\s*br\s*/?\s*>|<\s*/\s*(?:tr|p|div|li|h[1-6]|dd|table)\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"<\s*(script|style)\b[^>]*>.*?<\s*/\s*\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\u00A0]+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
