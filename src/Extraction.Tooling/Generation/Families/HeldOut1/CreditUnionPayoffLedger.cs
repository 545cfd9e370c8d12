using System.Globalization;
using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.HeldOut1;

internal static class CreditUnionPayoffLedger
{
    private static readonly string[] CreditUnions = ["Pentagon Federal Credit Union", "Alliant Credit Union", "BECU", "Golden 1 Credit Union", "Suncoast Credit Union"];

    public static DocumentFamily Family { get; } = new("credit-union-payoff-ledger", FamilySet.HeldOut, 10, "a credit union's payoff: abbreviated labels, dotted leaders, bare amounts, short dates", Write);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var union = draw.Pick(CreditUnions);
        var type = draw.OneIn(2) ? LiabilityType.AutoLoan : LiabilityType.PersonalLoan;
        var last4 = draw.Last4();
        var principal = draw.Amount(1_500, 42_000);
        var rate = draw.Rate(4, 17);
        var perDiem = PerDiem(principal, rate);
        var goodThrough = asOf.AddDays(draw.Next(10, 31));
        var interest = perDiem * (goodThrough.DayNumber - asOf.DayNumber);
        var lateCharge = draw.OneIn(4) ? 25m : 0m;
        var payoff = principal + interest + lateCharge;
        var text = $"""
            {union.ToUpperInvariant()}
            LOAN PAYOFF -- MBR ACCT {draw.Next(10, 99)}-{draw.Next(1000, 9999)}-{last4}
            Prepared {format.ShortDate(asOf)}    Loan type: {(type == LiabilityType.AutoLoan ? "New/Used Vehicle" : "Signature Loan")}

            Prin Bal ..................... {format.Bare(principal)}
            Accrued Int .................. {format.Bare(interest)}
            Late Chg ..................... {format.Bare(lateCharge)}
            Amt Req'd to Pay in Full ..... {format.Bare(payoff)}

            Figures good thru {format.ShortDate(goodThrough)}.  Int accrues {format.Bare(perDiem)}/day thereafter.
            Note rate {rate.ToString("0.000", CultureInfo.InvariantCulture)} pct.  Funds must be received by 3 PM ET.
            """;
        return new(type, SourceKind.PayoffLetter, union, text, new ExtractedFields
        {
            PayoffAmount = payoff, PayoffGoodThrough = goodThrough, PerDiem = perDiem, PrincipalBalance = principal,
            InterestRatePct = rate, AccountLast4 = last4,
        });
    }
}
