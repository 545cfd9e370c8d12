using System.Net;
using System.Text.RegularExpressions;

namespace Extraction.Core.Extraction;

/// <summary>
/// A document as lines of text, whatever it was written in: a servicer portal page saved as HTML becomes
/// one line per table row, paragraph or list item, its cells side by side ("Payoff Amount $14,127.79"), so
/// a label and its value meet on a line as they do in a letter. Plain text passes through unchanged.
/// </summary>
public static partial class DocumentText
{
    public static string[] Lines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Markup().IsMatch(text))
        {
            return text.Split('\n');
        }

        var plain = CellBreak().Replace(text, "  ");
        plain = LineBreak().Replace(plain, "\n");
        plain = WebUtility.HtmlDecode(Tag().Replace(Hidden().Replace(plain, " "), " "));
        return [.. plain.Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0)];
    }

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
