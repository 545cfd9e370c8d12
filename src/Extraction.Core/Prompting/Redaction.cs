using System.Text.RegularExpressions;
using Extraction.Core.Extraction;

namespace Extraction.Core.Prompting;

/// <summary>
/// Masks what a model never needs to see: account and card numbers beyond their last four digits
/// (written, or read aloud one digit at a time), e-mail addresses, phone numbers and street addresses. Applied by the prompt builder, so inference
/// and training data are masked the same way. Amounts, dates and rates are left alone.
/// </summary>
public static partial class Redaction
{
    public static string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var masked = Email().Replace(text, "[email]");
        // Found once: the digit masks keep every character's place and touch no value, so the spans hold for the phone step too.
        var values = DocumentValues.ValueSpans(masked);
        masked = OutsideValues(GroupedCardNumber(), masked, values, m => KeepLast4(m.Value));
        masked = OutsideValues(LongDigitRun(), masked, values, m => KeepLast4(m.Value));
        masked = OutsideValues(Phone(), masked, values, _ => "[phone]");
        return StreetAddress().Replace(MaskSaidNumbers(masked), "[address]");
    }

    /// <summary>A card or social security number read aloud one digit at a time ("four one one one …") keeps only its last four.</summary>
    private static string MaskSaidNumbers(string text)
    {
        var masked = text;
        foreach (var (index, length, digits) in SpokenForms.SaidDigitRuns(text).Where(r => r.Digits.Length >= 8).Reverse())
        {
            masked = string.Concat(masked.AsSpan(0, index), SpokenForms.MaskAllButLast4(masked.Substring(index, length)), masked.AsSpan(index + length));
        }

        return masked;
    }

    private static string OutsideValues(Regex pattern, string text, IReadOnlyList<(int Start, int Length)> values, MatchEvaluator mask) =>
        pattern.Replace(text, m => values.Any(v => v.Start < m.Index + m.Length && m.Index < v.Start + v.Length) ? m.Value : mask(m));

    private static string KeepLast4(string number)
    {
        var digits = number.Count(char.IsAsciiDigit);
        var seen = 0;
        return string.Concat(number.Select(c => char.IsAsciiDigit(c) && ++seen <= digits - 4 ? '*' : c));
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    /// <summary>13–19 digits in groups of 4 (or 4-6-5) separated by spaces or dashes: a card number.</summary>
    [GeneratedRegex(@"(?<![\d.,])\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,3})?(?![\d.,]\d)|(?<![\d.,])\d{4}[ -]\d{6}[ -]\d{5}(?![\d.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex GroupedCardNumber();

    /// <summary>Eight or more digits in a row, not part of an amount: an account or loan number.</summary>
    [GeneratedRegex(@"(?<![\d.,$])\d{8,}(?![.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex LongDigitRun();

    [GeneratedRegex(@"(?<![\w*])(?:\+?1[ .-]?)?(?:\(\d{3}\)\s?|\d{3}[ .-])\d{3}[ .-]\d{4}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    [GeneratedRegex(@"\b\d{1,6}\s+(?:[A-Z][a-z]+\.?\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Parkway|Pkwy|Circle|Cir|Terrace|Highway|Hwy)\b\.?(?:,?\s+(?:Apt|Suite|Unit|#)\s*[\w-]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex StreetAddress();
}
