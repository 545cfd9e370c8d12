using System.Text;

namespace Extraction.Tooling.Generation;

/// <summary>
/// Writes an amount the way a person says it: "eighteen thousand, four hundred fifty-two dollars and
/// seventeen cents". Written independently of the product's reader (<c>AmountWords</c>) so the corpus tests it.
/// </summary>
internal static class MoneyInWords
{
    private static readonly string[] Ones =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    /// <param name="commas">a comma after "thousand", as a transcriber writes a pause</param>
    /// <param name="and">"three hundred and four" (British and many agents) rather than "three hundred four"</param>
    public static string Dollars(decimal amount, bool commas, bool and)
    {
        var dollars = (long)decimal.Truncate(amount);
        var cents = (int)((amount - dollars) * 100);
        var words = new StringBuilder();
        if (dollars >= 1_000)
        {
            words.Append(Below1000(dollars / 1_000, and)).Append(" thousand");
            if (dollars % 1_000 != 0)
            {
                words.Append(commas ? ", " : " ").Append(Below1000(dollars % 1_000, and));
            }
        }
        else
        {
            words.Append(Below1000(dollars, and));
        }

        words.Append(dollars == 1 ? " dollar" : " dollars");
        return cents == 0 ? words.Append(" even").ToString() : words.Append(" and ").Append(Below100(cents)).Append(cents == 1 ? " cent" : " cents").ToString();
    }

    private static string Below1000(long n, bool and)
    {
        if (n < 100)
        {
            return Below100((int)n);
        }

        var hundreds = $"{Ones[n / 100]} hundred";
        return n % 100 == 0 ? hundreds : $"{hundreds}{(and ? " and " : " ")}{Below100((int)(n % 100))}";
    }

    private static string Below100(int n) => n < 20 ? Ones[n] : n % 10 == 0 ? Tens[n / 10] : $"{Tens[n / 10]}-{Ones[n % 10]}";
}
