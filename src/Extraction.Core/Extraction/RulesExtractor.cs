using System.Text.RegularExpressions;
using Extraction.Core.Contracts;

namespace Extraction.Core.Extraction;

/// <summary>
/// A deterministic, label-driven extractor for fields.v1: regular expressions, not a language model.
/// It reads a value only where a known label names it on the same line, and prefers null to a guess.
/// It is the embedded default model and, later, the second opinion on a model's answer.
/// </summary>
public static partial class RulesExtractor
{
    /// <summary>How far past a label a value may stand and still belong to it.</summary>
    private const int ValueWindow = 90;

    public static ExtractedFields Extract(LiabilityType liabilityType, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = DocumentText.Lines(text);
        var isCard = liabilityType == LiabilityType.CreditCard;
        return new ExtractedFields
        {
            PayoffAmount = Find(lines, DocumentValues.FirstAmount, PayoffAmountLabel()),
            PayoffGoodThrough = Find(lines, DocumentValues.FirstDate, GoodThroughLabel()),
            PerDiem = Find(lines, DocumentValues.FirstAmount, PerDiemLabel()),
            PrincipalBalance = isCard
                ? Find(lines, DocumentValues.FirstAmount, PrincipalLabel())
                : Find(lines, DocumentValues.FirstAmount, PrincipalLabel(), LoanBalanceLabel()),
            EscrowBalance = Find(lines, DocumentValues.FirstAmount, EscrowBalanceLabel()) ?? FindShortage(lines),
            StatementBalance = Find(lines, DocumentValues.FirstAmount, StatementBalanceLabel()),
            MinimumPayment = Find(lines, DocumentValues.FirstAmount, MinimumPaymentLabel()),
            NextPaymentAmount = isCard ? null : Find(lines, DocumentValues.FirstAmount, NextPaymentAmountLabel()),
            NextPaymentDueDate = Find(lines, DocumentValues.FirstDate, DueDateLabel()),
            InterestRatePct = Find(lines, DocumentValues.FirstPercent, RateLabel()),
            CreditLimit = Find(lines, DocumentValues.FirstAmount, CreditLimitLabel()),
            AccountLast4 = FindLast4(lines),
        };
    }

    /// <summary>The value after the first label, tried label by label in priority order.</summary>
    private static T? Find<T>(string[] lines, Func<string, T?> readValue, params Regex[] labels) where T : struct
    {
        foreach (var label in labels)
        {
            foreach (var line in lines)
            {
                foreach (Match match in label.Matches(line))
                {
                    var after = line.AsSpan(match.Index + match.Length);
                    if (readValue(after[..Math.Min(after.Length, ValueWindow)].ToString()) is { } value)
                    {
                        return value;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>A stated escrow shortage is a negative escrow balance, however it is written.</summary>
    private static decimal? FindShortage(string[] lines) =>
        Find(lines, DocumentValues.FirstAmount, EscrowShortageLabel()) is { } shortage ? -Math.Abs(shortage) : null;

    private static string? FindLast4(string[] lines)
    {
        foreach (var line in lines)
        {
            foreach (Match match in AccountNumberLabel().Matches(line))
            {
                var digits = MaskedNumber().Match(line, match.Index + match.Length);
                if (digits.Success)
                {
                    return digits.Groups["digits"].Value[^4..];
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(?:payoff\s+(?:amount|balance|total)|total\s+(?:amount\s+)?to\s+pay\s+off)(?:\s+(?:is|of|will\s+be))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PayoffAmountLabel();

    [GeneratedRegex(@"\b(?:good|valid)\s+(?:through|thru|until)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GoodThroughLabel();

    [GeneratedRegex(@"\b(?:per\s+diem|daily\s+interest|interest\s+per\s+day)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PerDiemLabel();

    [GeneratedRegex(@"\b(?:(?:unpaid|outstanding|current|remaining)\s+principal(?:\s+balance)?|principal\s+balance)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PrincipalLabel();

    [GeneratedRegex(@"\b(?:current|outstanding|remaining|loan)\s+balance\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LoanBalanceLabel();

    [GeneratedRegex(@"\bescrow\s+(?:account\s+)?balance\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EscrowBalanceLabel();

    [GeneratedRegex(@"\bescrow\s+(?:shortage|deficit|deficiency)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EscrowShortageLabel();

    [GeneratedRegex(@"\b(?:new|statement|closing)\s+balance\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatementBalanceLabel();

    [GeneratedRegex(@"\b(?:minimum\s+(?:payment|amount)(?:\s+due)?|min\.?\s+payment(?:\s+due)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MinimumPaymentLabel();

    [GeneratedRegex(@"\b(?:(?:monthly|regular|next|scheduled)\s+payment(?:\s+amount)?|amount\s+due|payment\s+amount)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NextPaymentAmountLabel();

    [GeneratedRegex(@"\b(?:payment\s+due\s+date|next\s+payment\s+due(?:\s+date)?|due\s+date|payment\s+due(?:\s+on)?|due\s+on)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DueDateLabel();

    [GeneratedRegex(@"(?<!(?:cash\s+advance|penalty|balance\s+transfer|introductory)\s+)\b(?:(?:purchase\s+)?APR|(?:annual\s+)?interest\s+rate)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RateLabel();

    [GeneratedRegex(@"\b(?:credit\s+limit|credit\s+line)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditLimitLabel();

    [GeneratedRegex(@"\b(?:ending(?:\s+in)?|(?:account|acct\.?|loan)\s+(?:number|no\.?|#)|last\s+(?:four|4)(?:\s+digits)?(?:\s+(?:is|are))?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AccountNumberLabel();

    [GeneratedRegex(@"\G[\s:#]*(?:[Xx*•.\-]+\s*)?(?<digits>\d{4,})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex MaskedNumber();
}
