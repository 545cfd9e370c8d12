using System.Text.RegularExpressions;
using Extraction.Core.Extraction;

namespace Extraction.Core.Checks;

/// <summary>
/// Every value a document states, in normal form: amounts (signed, where written as negative or
/// next to "shortage"/"deficit"), dates in any usual form, rates written with % or "percent", and
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

    public static DocumentFacts Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var amounts = new HashSet<decimal>();
        var dates = new HashSet<DateOnly>();
        var rates = new HashSet<decimal>();
        var last4s = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in DocumentText.Lines(text))
        {
            dates.UnionWith(DocumentValues.AllDates(line));
            var lineAmounts = DocumentValues.AllAmounts(line).ToList();
            amounts.UnionWith(lineAmounts);
            if (ShortageWord().IsMatch(line))
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

    [GeneratedRegex(@"\b(?:shortage|deficit|deficiency|overdrawn|negative)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShortageWord();
}
