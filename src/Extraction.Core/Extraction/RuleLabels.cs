using System.Text.RegularExpressions;

namespace Extraction.Core.Extraction;

/// <summary>
/// The labels the rules read a value after, a field's labels in the order they are trusted. Matched on a
/// line with its abbreviations written out (<see cref="LabelText"/>).
/// </summary>
internal static partial class RuleLabels
{
    [GeneratedRegex(@"\b(?:pay\s*-?\s*off\s+(?:amount|balance|total|figure|quote|is|of|comes\s+to|will\s+be|would\s+be)\b|total\s+(?:amount\s+)?to\s+pay\s+(?:(?:the|your|this)\s+)?(?:loan\s+|account\s+)?off|(?:\d+[\s-]*day\s+)?pay\s*-?\s*off(?=\s*[:$]|\s+\d)|(?:total|net)\s+pay\s*-?\s*off\b(?!\s+(?:request|quot|good|valid|expir|process|dep|funds|figures))|(?:amount|total|funds)\s+(?:required\s+|needed\s+|due\s+)?to\s+pay\s+(?:(?:the|your|this)\s+)?(?:loan\s+|account\s+)?(?:off|in\s+full))(?:\s+(?:is|of|will\s+be))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex PayoffAmountLabel();

    [GeneratedRegex(@"\b(?:(?:good|valid|honou?red)\s+(?:through|until|till)|(?:quote|pay\s*-?\s*off)\s+(?:expires|expiration(?:\s+date)?)|(?:if|when)\s+(?:(?:it\s+is|funds\s+are)\s+)?received\s+(?:by|on\s+or\s+before)|(?:if|when)\s+we\s+receive\s+(?:it|them|(?:the\s+)?(?:funds|payment|payoff))\s+(?:by|on\s+or\s+before))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex GoodThroughLabel();

    [GeneratedRegex(@"\b(?:per\s+diem|daily\s+interest|interest\s+per\s+day|(?:each|every)\s+(?:additional\s+|extra\s+)?day(?:\s+after\s+(?:that|this))?(?:\s+adds)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex PerDiemLabel();

    /// <summary>A daily amount written before its unit: "accrues $4.12 per day", "4.12/day", "add $51.25 per diem".</summary>
    [GeneratedRegex(@"(?:/\s*day|\bper\s+day|\ba\s+day|\bper\s+diem|\b(?:for\s+)?(?:each|every)\s+(?:additional\s+|extra\s+)?day)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex PerDayUnit();

    /// <summary>The principal, not "principal and interest" (a payment's part).</summary>
    [GeneratedRegex(@"\b(?:(?:unpaid|outstanding|current|remaining)\s+principal(?:\s+balance)?|principal\s+(?:balance|remaining)|balance\s+of\s+principal)\b(?!\s*(?:and|&)\s*interest)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex PrincipalLabel();

    [GeneratedRegex(@"(?<!(?:pa(?:id|yment)|applied|received|credited)\b[^.;\n]{0,60})(?<![\d.,$])(?<amount>(?:\$\s?|USD\s)\d{1,3}(?:,\d{3})*(?:\.\d{2})?|\d{1,3}(?:,\d{3})*\.\d{2})\s+(?:in\s+|of\s+)?(?:unpaid\s+|remaining\s+|outstanding\s+)?principal\b(?!\s*(?:and|&)\s*interest)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex PrincipalAfterAmount();

    [GeneratedRegex(@"\b(?:current|outstanding|remaining|loan|unpaid|ending)\s+balance\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex LoanBalanceLabel();

    [GeneratedRegex(@"\bescrow\s+(?:(?:account\s+)?balance|account\s+(?:currently\s+|now\s+)?(?:holds|has))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex EscrowBalanceLabel();

    [GeneratedRegex(@"\bescrow\s+(?:shortage|deficit|deficiency|advanced?|advances)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex EscrowShortageLabel();

    [GeneratedRegex(@"\b(?:new|statement|closing)\s+balance\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex StatementBalanceLabel();

    [GeneratedRegex(@"\bminimum\s+(?:payment|amount)(?:\s+due)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex MinimumPaymentLabel();

    /// <summary>"Next payment" first: a "new monthly payment" beginning after an escrow change is a later one.</summary>
    [GeneratedRegex(@"\bnext\s+(?:payment|installment)(?:\s+amount)?(?!\s+(?:date|due\s+date))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex NextPaymentLabel();

    /// <summary>The regular payment, ahead of any amount due: on a late account the amount due adds what is past due and the fees.</summary>
    [GeneratedRegex(@"\b(?:(?:regular\s+)?(?<!\bnew\s+)(?:monthly|regular|next|scheduled|new\s+total)\s+(?:payment|installment)(?:\s+amount)?(?!\s+(?:date|due\s+date|could|would|may|might|effective|beginning|starting)\b)|(?:next\s+)?installment(?:\s+amount)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex RegularPaymentLabel();

    /// <summary>After the regular payment: the amount due, a total payment, a new servicer's "first payment to us, in the amount of …".</summary>
    [GeneratedRegex(@"\b(?:(?:total|first)\s+(?:payment|installment)(?:\s+amount)?(?!\s+(?:date|due\s+date))|amount\s+due(?!\s+(?:to\s+pay|after))|payment\s+amount)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex AmountDueLabel();

    [GeneratedRegex(@"\b(?:payment\s+due\s+date|next\s+payment\s+(?:due\s+)?date|next\s+payment\s+due|(?:next\s+)?due\s+date|payment\s+due(?:\s+on)?|due\s+on)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex DueDateLabel();

    /// <summary>Last resort for a due date: "… is due March 3rd", "due 02/01/2026".</summary>
    [GeneratedRegex(@"\bdue\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex DueLabel();

    [GeneratedRegex(@"(?<!(?:" + Lexicon.RateQualifiers + @")\s+)\b(?:(?:purchase\s+|fixed\s+|variable\s+)?APR|(?:annual\s+)?interest\s+rate|annual\s+percentage\s+rate(?:\s+\(APR\))?)\b|(?<=\binterest\b.{0,60})@(?=\s*\d{1,2}(?:\.\d+)?\s*%)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex RateLabel();

    /// <summary>Last resort for a rate: "note rate", "the rate on the loan is …".</summary>
    [GeneratedRegex(@"(?<!(?:" + Lexicon.RateQualifiers + @")\s+)\brate\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex AnyRateLabel();

    [GeneratedRegex(@"(?<!cash\s+)\bcredit\s+(?:limit|line|access\s+line)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex CreditLimitLabel();

    [GeneratedRegex(@"\b(?:ending(?:\s+in)?|(?:member\s+)?account(?:\s+(?:number|no\.?|#|id))?|loan\s+(?:number|no\.?|#|id)|last\s+(?:four|4)(?:\s+digits)?(?:\s+(?:is|are))?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex AccountNumberLabel();
}
