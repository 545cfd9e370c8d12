using System.Text.RegularExpressions;
using Extraction.Core.Contracts;

namespace Extraction.Core.Extraction;

/// <summary>
/// The words a document of any shape uses to call a value by a field's name, in English and Spanish: broader than
/// the rules' labels (which must read a value after them) because here they only say what a value, found elsewhere,
/// is called. "Min due $69.00" calls an amount a minimum payment, though the rules know "minimum payment" only.
/// </summary>
public static partial class FieldWords
{
    /// <summary>Whether the document calls <paramref name="value"/>, where it writes it, by a word of <paramref name="field"/>.</summary>
    public static bool Names(FieldInfo field, object value, ValueSearch search)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(search);
        var words = Of(field);
        return words is not null && search.Surroundings(value).Any(words.IsMatch);
    }

    /// <summary>The lines of <paramref name="text"/> that call something by a word of <paramref name="field"/> (at most <paramref name="max"/>).</summary>
    public static IReadOnlyList<string> Lines(FieldInfo field, string text, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(text);
        return Of(field) is { } words ? [.. text.Split('\n').Where(l => words.IsMatch(l)).Select(l => l.TrimEnd('\r')).Take(max)] : [];
    }

    private static Regex? Of(FieldInfo field) => field.Name switch
    {
        "payoffAmount" => Payoff(),
        "payoffGoodThrough" => GoodThrough(),
        "perDiem" => PerDiem(),
        "principalBalance" => Principal(),
        "escrowBalance" => Escrow(),
        "statementBalance" => StatementBalance(),
        "minimumPayment" => Minimum(),
        "nextPaymentAmount" => Payment(),
        "nextPaymentDueDate" => Due(),
        "interestRatePct" => Rate(),
        "creditLimit" => Limit(),
        _ => null,
    };

    [GeneratedRegex(@"\b(?:pay\s*-?\s*off|paid\s+in\s+full|pay\s+(?:it|the\s+\w+|your\s+\w+)\s+(?:off|in\s+full)|liquidaci[oó]n|liquidar|saldo\s+(?:total|para\s+liquidar)|total\s+to\s+(?:pay|close))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Payoff();

    [GeneratedRegex(@"\b(?:good|valid|through|thru|until|till|expires?|before|by|v[aá]lid[oa]|hasta|vigente|antes)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GoodThrough();

    [GeneratedRegex(@"\b(?:per\s*diem|daily|per\s+day|a\s+day|each\s+(?:additional\s+)?day|diari[oa]|por\s+d[ií]a)\b|/\s*day", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PerDiem();

    [GeneratedRegex(@"\b(?:principal|prin|princ|capital|balance|bal|saldo|owe|owed)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Principal();

    [GeneratedRegex(@"\b(?:escrow|esc|impound|plica|dep[oó]sito|shortage|deficit)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Escrow();

    [GeneratedRegex(@"\b(?:statement|stmt|new\s+bal(?:ance)?|bal(?:ance)?|saldo)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatementBalance();

    [GeneratedRegex(@"\b(?:minimum|min|m[ií]nimo)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Minimum();

    [GeneratedRegex(@"\b(?:payment|pmt|pymt|installment|monthly|due|pago|cuota|mensual)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Payment();

    [GeneratedRegex(@"\b(?:due|pay\s+by|payment\s+date|vence|vencimiento|fecha\s+(?:de\s+)?pago|next)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Due();

    [GeneratedRegex(@"\b(?:rate|apr|interest|int|tasa|inter[eé]s)\b|%|percent", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Rate();

    [GeneratedRegex(@"\b(?:limit|line|l[ií]mite|credit)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Limit();
}
