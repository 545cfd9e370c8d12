using System.Globalization;
using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.Core;

/// <summary>The payoff statement the auto, mortgage and personal payoff-letter families share; each family names its loan type, lender and balance range.</summary>
internal static class PayoffLetter
{
    public static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf, LiabilityType type, string lender, decimal min, decimal max)
    {
        var last4 = draw.Last4();
        var principal = draw.Amount(min, max);
        var rate = draw.Rate(2, type == LiabilityType.PersonalLoan ? 24 : 9);
        var goodThrough = asOf.AddDays(draw.Next(10, 31));
        var perDiem = PerDiem(principal, rate);
        var interest = perDiem * (goodThrough.DayNumber - asOf.DayNumber);
        var fees = draw.Next(0, 4) * 25m;
        var payoff = principal + interest + fees;
        var text = $"""
            {lender}
            PAYOFF STATEMENT
            Date: {format.Date(asOf)}
            Loan number: XXXXXX{last4}

            Dear Borrower,
            As requested, the amount required to pay the above loan in full is shown below. The figures are valid through {format.Date(goodThrough)}.

              Unpaid Principal Balance          {format.Money(principal),18}
              Interest to {goodThrough.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture)}           {format.Money(interest),18}
              Fees                              {format.Money(fees),18}
              Total Payoff Amount               {format.Money(payoff),18}

            Interest rate: {format.Rate(rate)}
            Daily interest (per diem) after {goodThrough.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture)}: {format.Money(perDiem)}
            Please remit certified funds. Personal checks will delay the release of lien.
            """;
        return new(type, SourceKind.PayoffLetter, lender, text, new ExtractedFields
        {
            PayoffAmount = payoff, PayoffGoodThrough = goodThrough, PerDiem = perDiem, PrincipalBalance = principal,
            InterestRatePct = rate, AccountLast4 = last4,
        });
    }
}
