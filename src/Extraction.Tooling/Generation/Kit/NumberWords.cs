namespace Extraction.Tooling.Generation.Kit;

/// <summary>Numbers in words, the one lexicon the families and <see cref="MoneyInWords"/> say amounts, days and years with.</summary>
internal static class NumberWords
{
    public static readonly string[] Ones =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    /// <summary>The days of a month said as ordinals: <c>DayOrdinals[31]</c> is "thirty-first".</summary>
    public static readonly string[] DayOrdinals =
    [
        "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
        "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
        "twenty-first", "twenty-second", "twenty-third", "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh",
        "twenty-eighth", "twenty-ninth", "thirtieth", "thirty-first",
    ];

    /// <param name="hyphen">"forty-two" rather than "forty two", as speech-to-text writes it</param>
    public static string Under100(int n, bool hyphen = true) =>
        n < 20 ? Ones[n] : n % 10 == 0 ? Tens[n / 10] : Tens[n / 10] + (hyphen ? "-" : " ") + Ones[n % 10];

    /// <param name="and">"three hundred and four" (British and many agents) rather than "three hundred four"</param>
    public static string Under1000(int n, bool hyphen = true, bool and = false) =>
        n < 100 ? Under100(n, hyphen) : Ones[n / 100] + " hundred" + (n % 100 == 0 ? "" : (and ? " and " : " ") + Under100(n % 100, hyphen));

    /// <param name="hundreds">"twelve hundred thirty-four" for 1,234, as people say four-digit amounts</param>
    public static string Whole(long n, bool hyphen, bool hundreds)
    {
        if (n == 0)
        {
            return "zero";
        }

        if (hundreds && n is >= 1_100 and < 10_000 && (n / 100) % 10 != 0)
        {
            return Under100((int)(n / 100), hyphen) + " hundred" + (n % 100 == 0 ? "" : " " + Under100((int)(n % 100), hyphen));
        }

        var parts = new List<string>();
        if (n >= 1_000_000)
        {
            parts.Add(Under1000((int)(n / 1_000_000), hyphen) + " million");
            n %= 1_000_000;
        }

        if (n >= 1_000)
        {
            parts.Add(Under1000((int)(n / 1_000), hyphen) + " thousand");
            n %= 1_000;
        }

        if (n > 0)
        {
            parts.Add(Under1000((int)n, hyphen));
        }

        return string.Join(" ", parts);
    }
}
