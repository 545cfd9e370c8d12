using System.Text.RegularExpressions;
using Extraction.Core.Contracts;

namespace Extraction.Core.Extraction;

/// <summary>
/// A statement of several accounts — a credit union's shares and loans, a bank's combined statement — gives
/// each account a section headed by its product and number. The liability's figures are in its own section:
/// another account's rate, payment and number are not its. One-account documents pass through unchanged.
/// </summary>
public static partial class AccountSections
{
    private enum Product
    {
        Deposit,
        Auto,
        Mortgage,
        Student,
        Card,
        Personal,
    }

    /// <summary>The lines of the sections whose product is <paramref name="type"/>, when the document has sections of several products and one of them fits.</summary>
    public static string[] Of(string[] lines, LiabilityType type)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var headings = lines.Select((line, i) => (Line: i, Product: Heading(line))).Where(h => h.Product is not null).ToList();
        if (headings.Select(h => h.Product).Distinct().Count() < 2 || !headings.Any(h => Fits(h.Product!.Value, type)))
        {
            return lines;
        }

        return
        [
            .. headings.Select((h, n) => (h.Line, h.Product, End: n + 1 < headings.Count ? headings[n + 1].Line : lines.Length))
                .Where(s => Fits(s.Product!.Value, type))
                .SelectMany(s => lines[s.Line..s.End]),
        ];
    }

    /// <summary>A section heading names a product and an account number, and states no amount (a summary table's row does).</summary>
    private static Product? Heading(string line)
    {
        if (!AccountNumber().IsMatch(line) || DocumentValues.FirstMoney(AccountNumber().Replace(line, " ")) is not null)
        {
            return null;
        }

        return ProductWords().Match(line) is { Success: true } product
            ? product.Groups switch
            {
                var g when g["personal"].Success => Product.Personal,
                var g when g["auto"].Success => Product.Auto,
                var g when g["mortgage"].Success => Product.Mortgage,
                var g when g["student"].Success => Product.Student,
                var g when g["card"].Success => Product.Card,
                _ => Product.Deposit,
            }
            : null;
    }

    private static bool Fits(Product product, LiabilityType type) => (product, type) switch
    {
        (Product.Auto, LiabilityType.AutoLoan) or (Product.Mortgage, LiabilityType.Mortgage) or (Product.Student, LiabilityType.StudentLoan)
            or (Product.Card, LiabilityType.CreditCard) or (Product.Personal, LiabilityType.PersonalLoan) => true,
        _ => false,
    };

    /// <summary>Products in the order they are told apart: "share secured loan" is a loan, "share draft" a deposit.</summary>
    [GeneratedRegex(@"\b(?:(?<personal>share\s+secured|certificate\s+secured|signature|personal|unsecured|line\s+of\s+credit)|(?<auto>auto(?![\s-]*(?:pay|draft|debit|matic))|vehicle|car|truck|motorcycle|rv|boat)|(?<mortgage>mortgage|home\s+(?:loan|equity)|heloc)|(?<student>student|education)|(?<card>card|visa|mastercard)|(?<deposit>savings|checking|share\s+draft|share|certificate|money\s+market|ira))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProductWords();

    [GeneratedRegex(@"(?:[Xx*•]{3,}[\s-]?\d{4}\b|\b(?:account|acct|loan)\s*(?:no\.?|number|#)?\s*:?\s*\d{6,}\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AccountNumber();
}
