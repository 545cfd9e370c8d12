using System.Globalization;
using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Kit.Formatting;

namespace Extraction.Tooling.Generation.Families.HeldOut1;

internal static class CardSummaryTwoColumns
{
    private static readonly string[] CardIssuers = ["Chase Card Services", "Apple Card / Goldman Sachs", "First Premier Bank", "Credit One Bank", "TD Bank"];

    public static DocumentFamily Family { get; } = new("card-summary-two-columns", FamilySet.HeldOut, 10, "a card statement whose summary and payment boxes sit side by side", Write);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var issuer = draw.Pick(CardIssuers);
        var last4 = draw.Last4();
        var limit = draw.Next(1, 30) * 1_000m;
        var previous = draw.Amount(0, limit * 0.6m);
        var payments = Math.Min(previous, draw.Amount(20, 1_500));
        var purchases = draw.Amount(5, limit * 0.3m);
        var fees = draw.OneIn(5) ? 39m : 0m;
        var interest = draw.OneIn(2) ? 0m : draw.Amount(1, 80);
        var balance = previous - payments + purchases + fees + interest;
        var minimum = Math.Max(Math.Min(40m, balance), Math.Round((balance * 0.01m) + interest + fees, 2));
        var due = asOf.AddDays(draw.Next(21, 26));
        var apr = Math.Round(draw.Rate(17, 31), 2);
        var text = $"""
            {issuer}                                   Account number ending in {last4}
            Opening/Closing Date {format.ShortDate(asOf.AddDays(-30))} - {format.ShortDate(asOf)}

            ACCOUNT SUMMARY                            PAYMENT INFORMATION
            Previous Balance        {Usd(previous),12}       New Balance                {Usd(balance)}
            Payment, Credits        {"-" + Usd(payments),12}       Minimum Payment Due        {Usd(minimum)}
            Purchases               {"+" + Usd(purchases),12}       Payment Due Date           {format.ShortDate(due)}
            Fees Charged            {"+" + Usd(fees),12}
            Interest Charged        {"+" + Usd(interest),12}       Late Payment Warning: If we do not receive your
            New Balance             {Usd(balance),12}       minimum payment by the date listed above, you may
            Credit Access Line      {Usd(limit),12}       have to pay a late fee of up to $41.00.
            Available Credit        {Usd(limit - balance),12}

            INTEREST CHARGE CALCULATION
            Type of Balance     Annual Percentage Rate (APR)   Balance Subject to Interest Rate
            Purchases           {apr.ToString("0.00", CultureInfo.InvariantCulture)}% (v)                    {Usd(Math.Round(balance * 0.8m, 2))}
            Cash Advances       29.99% (v)                    $0.00
            """;
        return new(LiabilityType.CreditCard, SourceKind.Statement, issuer, text, new ExtractedFields
        {
            StatementBalance = balance, MinimumPayment = minimum, NextPaymentDueDate = due,
            InterestRatePct = apr, CreditLimit = limit, AccountLast4 = last4,
        });
    }
}
