using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.HeldOut1;

internal static class PersonalLoanPortal
{
    private static readonly string[] PersonalLenders = ["Discover Personal Loans", "Marcus by Goldman Sachs", "Prosper", "Avant", "OneMain Financial"];

    public static DocumentFamily Family { get; } = new("personal-loan-portal", FamilySet.HeldOut, 10, "a personal-loan page with original, current and payoff balances", Write);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var lender = draw.Pick(PersonalLenders);
        var last4 = draw.Last4();
        var original = draw.Next(4, 80) * 500m;
        var principal = draw.Amount(original * 0.2m, original * 0.95m);
        var rate = draw.Rate(6, 30);
        var perDiem = PerDiem(principal, rate);
        var goodThrough = asOf.AddDays(draw.Next(5, 15));
        var payoff = principal + (perDiem * (goodThrough.DayNumber - asOf.DayNumber));
        var payment = draw.Amount(90, 900);
        var due = asOf.AddDays(draw.Next(2, 29));
        var text = $"""
            {lender} | Loan Details
            Loan ID: PL-{draw.Next(100000, 999999)}{last4}
            Original loan amount:     {format.Money(original)}
            Remaining principal:      {format.Money(principal)}
            Fixed APR:                {format.Rate(rate)}
            Monthly payment:          {format.Money(payment)}   (autopay on)
            Next payment date:        {format.Date(due)}

            Want to pay it off? Your payoff amount is {format.Money(payoff)} if received by {format.Date(goodThrough)}.
            Paid to date: {format.Money(original - principal)}
            """;
        return new(LiabilityType.PersonalLoan, SourceKind.PortalPage, lender, text, new ExtractedFields
        {
            PayoffAmount = payoff, PayoffGoodThrough = goodThrough, PrincipalBalance = principal, NextPaymentAmount = payment,
            NextPaymentDueDate = due, InterestRatePct = rate, AccountLast4 = last4,
        });
    }
}
