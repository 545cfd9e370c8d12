using System.Globalization;
using Extraction.Core.Contracts;

namespace Extraction.Tooling.Generation.Families.Development;

internal static class CardStatementBalances
{
    private static readonly string[] CardIssuers = ["Capital One", "Wells Fargo Card Services", "Barclays", "U.S. Bank", "Navy Federal"];

    public static DocumentFamily Family { get; } = new("card-statement-balances", FamilySet.Development, 10, "a card statement with previous, new and average daily balances", Write);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var issuer = draw.Pick(CardIssuers);
        var last4 = draw.Last4();
        var limit = draw.Next(2, 40) * 500m;
        var previous = draw.Amount(0, limit * 0.6m);
        var payments = Math.Min(previous, draw.Amount(25, 2_000));
        var purchases = draw.Amount(10, limit * 0.3m);
        var interest = draw.OneIn(2) ? 0m : draw.Amount(1, 90);
        var balance = previous - payments + purchases + interest;
        var minimum = Math.Max(Math.Min(35m, balance), Math.Round(balance * 0.025m, 2));
        var due = asOf.AddDays(draw.Next(21, 26));
        var apr = Math.Round(draw.Rate(15, 30), 2);
        var text = $"""
            {issuer}
            Account ending {last4}                Closing Date {format.Date(asOf)}

            ACCOUNT SUMMARY
              Previous Balance                    {format.Money(previous)}
              Payments and Credits                -{format.Money(payments)}
              Purchases                           +{format.Money(purchases)}
              Interest Charged                    +{format.Money(interest)}
              New Balance                         {format.Money(balance)}

            PAYMENT INFORMATION
              Minimum Payment Due                 {format.Money(minimum)}
              Payment Due Date                    {format.Date(due)}
              If you pay only the minimum payment each period, you will pay more in interest.

            Credit Limit {format.Money(limit)}    Available Credit {format.Money(limit - balance)}
            Average Daily Balance {format.Money(draw.Amount(0, limit * 0.7m))}
            Annual Percentage Rate (APR): Purchases {apr.ToString("0.00", CultureInfo.InvariantCulture)}%  Cash Advances 29.99%
            """;
        return new(LiabilityType.CreditCard, SourceKind.Statement, issuer, text, new ExtractedFields
        {
            StatementBalance = balance, MinimumPayment = minimum, NextPaymentDueDate = due,
            InterestRatePct = apr, CreditLimit = limit, AccountLast4 = last4,
        });
    }
}
