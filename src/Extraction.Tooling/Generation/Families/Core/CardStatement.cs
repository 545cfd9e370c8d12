using System.Globalization;
using Extraction.Core.Contracts;

namespace Extraction.Tooling.Generation.Families.Core;

internal static class CardStatement
{
    private static readonly string[] CardIssuers = ["Bank of America", "Synchrony Bank", "Discover", "Citi", "American Express"];

    public static DocumentFamily Family { get; } = new("card-statement", FamilySet.Core, 16, "a credit-card statement", Write);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var issuer = draw.Pick(CardIssuers);
        var last4 = draw.Last4();
        var limit = draw.Next(1, 40) * 500m;
        var balance = draw.Amount(20, limit * 0.9m);
        var minimum = Math.Min(balance, Math.Max(25m, Math.Round(balance * 0.02m, 2)));
        var due = asOf.AddDays(draw.Next(21, 26));
        var apr = Math.Round(draw.Rate(14, 32), 2);
        var text = $"""
            {issuer} Card ending in {last4}
            Statement closing date {format.Date(asOf)}

            Previous Balance {format.Money(draw.Amount(0, limit * 0.5m))}
            New Balance {format.Money(balance)}
            Minimum Payment Due {format.Money(minimum)}
            Payment Due Date {format.Date(due)}

            Credit Limit {format.Money(limit)}   Available Credit {format.Money(limit - balance)}
            Purchase APR {apr.ToString("0.00", CultureInfo.InvariantCulture)}%   Cash Advance APR 29.99%
            """;
        return new(LiabilityType.CreditCard, SourceKind.Statement, issuer, text, new ExtractedFields
        {
            StatementBalance = balance, MinimumPayment = minimum, NextPaymentDueDate = due,
            InterestRatePct = apr, CreditLimit = limit, AccountLast4 = last4,
        });
    }
}
