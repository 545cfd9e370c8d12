using System.Text.RegularExpressions;
using Extraction.Core.Extraction;

namespace Extraction.Core.Checks;

/// <summary>
/// Every value a document states, in normal form: amounts (signed, where written as negative or
/// next to "shortage"/"deficit" on their line or the line before or after), dates in any usual form, rates written with % or "percent", and
/// the last four digits of every run of four or more digits (masked or not, or said one at a time).
/// </summary>
public sealed partial class DocumentFacts
{
    private DocumentFacts(HashSet<decimal> amounts, HashSet<DateOnly> dates, HashSet<decimal> rates, HashSet<string> last4s) =>
        (Amounts, Dates, Rates, Last4s) = (amounts, dates, rates, last4s);

    public IReadOnlySet<decimal> Amounts { get; }

    public IReadOnlySet<DateOnly> Dates { get; }

    public IReadOnlySet<decimal> Rates { get; }

    public IReadOnlySet<string> Last4s { get; }

    /// <summary>What <paramref name="text"/> states; a date written without its year counts in the year nearest <paramref name="asOf"/>, when known.</summary>
    public static DocumentFacts Of(string text, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var amounts = new HashSet<decimal>();
        var dates = new HashSet<DateOnly>();
        var rates = new HashSet<decimal>();
        var last4s = new HashSet<string>(StringComparer.Ordinal);
        var lines = DocumentText.Lines(text);
        var namesShortage = Array.ConvertAll(lines, l => ShortageWord().IsMatch(l));
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var (lineDates, lineAmounts) = DocumentValues.DatesAndAmounts(line, asOf);
            dates.UnionWith(lineDates);
            amounts.UnionWith(lineAmounts);
            // A sentence wrapped over lines may name the shortage on the line before or after its amount.
            if (namesShortage[i] || (i > 0 && namesShortage[i - 1]) || (i + 1 < lines.Length && namesShortage[i + 1]))
            {
                amounts.UnionWith(lineAmounts.Select(a => -Math.Abs(a)));
            }

            rates.UnionWith(DocumentValues.AllPercents(line));
            foreach (var (_, digits) in SpokenForms.DigitRuns(line))
            {
                last4s.Add(digits[^4..]);
            }
        }

        return new DocumentFacts(amounts, dates, rates, last4s);
    }

    /// <summary>A shortage named — not denied ("no escrow shortage"), and "negative" only of a balance, not "negative information".</summary>
    [GeneratedRegex(@"(?<!\bno\s+(?:escrow\s+)?)\b(?:shortage|deficit|deficiency|overdrawn|negative\s+(?:escrow\s+)?balance)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShortageWord();
}
