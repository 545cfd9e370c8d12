namespace Extraction.Core.Extraction;

/// <summary>
/// The words the normaliser reads, defined once: month names, number words, ordinals, the digits said one
/// at a time. Every pattern is built from these constants (a source-generated pattern needs a constant),
/// and the lists are split from the same constants, so a word added here is read everywhere.
/// </summary>
public static class Lexicon
{
    /// <summary>
    /// A month in English, written out or abbreviated: "Jan", "January", "Sept". Each abbreviation is the name's
    /// first three letters (a test holds this pattern to <see cref="Months"/>).
    /// </summary>
    public const string MonthPattern = "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?";

    /// <summary>The English month names, January first.</summary>
    public const string MonthNames = "january|february|march|april|may|june|july|august|september|october|november|december";

    /// <summary>The Spanish month names, enero first ("setiembre" too): US lenders write to Spanish-speaking borrowers.</summary>
    public const string SpanishMonthNames = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre";

    public const string OneToNine = "one|two|three|four|five|six|seven|eight|nine";

    public const string TenToNineteen = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";

    /// <summary>Zero to nineteen.</summary>
    public const string UnitWords = "zero|" + OneToNine + "|" + TenToNineteen;

    /// <summary>Twenty to ninety.</summary>
    public const string TensWords = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";

    public const string ScaleWords = "hundred|thousand|million";

    /// <summary>Any one word of a number said in words.</summary>
    public const string NumberWord = "(?:" + UnitWords + "|" + TensWords + "|" + ScaleWords + ")";

    /// <summary>The ordinals a day of the month is said with, "first" to "twentieth" (twenty-first is "twenty" and "first"), and "thirtieth".</summary>
    public const string OrdinalWords = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth";

    /// <summary>A digit said on its own, as an account number is read out: "oh" is zero.</summary>
    public const string DigitWords = "zero|" + OneToNine;

    /// <summary>What makes a rate not the account's rate: "cash advance APR", "penalty rate", "dividend rate", …</summary>
    public const string RateQualifiers = @"cash(?:\s+advance)?|penalty|balance\s+transfer|introductory|promotional|promo|reduced|special|deferred|dividend|daily\s+periodic";

    public static readonly string[] Months = MonthNames.Split('|');

    public static readonly string[] SpanishMonths = SpanishMonthNames.Split('|');

    public static readonly string[] Units = UnitWords.Split('|');

    public static readonly string[] Tens = TensWords.Split('|');

    public static readonly string[] Digits = DigitWords.Split('|');

    /// <summary>"first" is 1, "twentieth" 20, "thirtieth" 30.</summary>
    public static readonly IReadOnlyDictionary<string, int> Ordinals = OrdinalWords.Split('|')
        .Select((word, i) => (word, day: i < 20 ? i + 1 : 30))
        .ToDictionary(o => o.word, o => o.day, StringComparer.OrdinalIgnoreCase);

    /// <summary>The month (1–12) a word names, in English or Spanish, written out or as its first three letters ("sept", "abr"); 0 when none.</summary>
    public static int Month(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length is < 3 or > 10)
        {
            return 0;
        }

        var lower = word.ToLowerInvariant().TrimEnd('.');
        if (lower.Length < 3)
        {
            return 0;
        }

        var english = Array.FindIndex(Months, m => m == lower || (lower.Length <= 4 && m.StartsWith(lower, StringComparison.Ordinal) && (lower.Length == 3 || lower == "sept")));
        if (english >= 0)
        {
            return english + 1;
        }

        var spanish = Array.FindIndex(SpanishMonths, m => m == lower || (lower.Length == 3 && m.StartsWith(lower, StringComparison.Ordinal)) || (lower == "setiembre" && m == "septiembre"));
        return spanish + 1;
    }
}
