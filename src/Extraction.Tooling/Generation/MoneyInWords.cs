using System.Text;
using Extraction.Tooling.Generation.Kit;

namespace Extraction.Tooling.Generation;

/// <summary>
/// Writes an amount the way a person says it: "eighteen thousand, four hundred fifty-two dollars and
/// seventeen cents". Written independently of the product's reader (<c>AmountWords</c>) so the corpus tests it.
/// </summary>
internal static class MoneyInWords
{
    /// <param name="commas">a comma after "thousand", as a transcriber writes a pause</param>
    /// <param name="and">"three hundred and four" (British and many agents) rather than "three hundred four"</param>
    public static string Dollars(decimal amount, bool commas, bool and)
    {
        var dollars = (long)decimal.Truncate(amount);
        var cents = (int)((amount - dollars) * 100);
        var words = new StringBuilder();
        if (dollars >= 1_000)
        {
            words.Append(NumberWords.Under1000((int)(dollars / 1_000), and: and)).Append(" thousand");
            if (dollars % 1_000 != 0)
            {
                words.Append(commas ? ", " : " ").Append(NumberWords.Under1000((int)(dollars % 1_000), and: and));
            }
        }
        else
        {
            words.Append(NumberWords.Under1000((int)dollars, and: and));
        }

        words.Append(dollars == 1 ? " dollar" : " dollars");
        return cents == 0 ? words.Append(" even").ToString() : words.Append(" and ").Append(NumberWords.Under100(cents)).Append(cents == 1 ? " cent" : " cents").ToString();
    }
}
