using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.Core.CoreNames;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.Core;

internal static class MortgageStatement
{
    public static DocumentFamily Family { get; } = new("mortgage-statement", FamilySet.Core, 24, "a monthly mortgage statement with escrow", Write);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var lender = draw.Pick(MortgageLenders);
        var last4 = draw.Last4();
        var principal = draw.Amount(60_000, 700_000);
        var rate = draw.Rate(2.5m, 8);
        var pAndI = draw.Amount(500, 4_500);
        var escrowPart = draw.Amount(150, 1_200);
        var due = FirstOfNextMonth(asOf);
        var shortage = draw.Next(6) == 0;
        var escrow = shortage ? -draw.Amount(50, 1_500) : draw.Amount(300, 9_000);
        var text = $"""
            {lender}
            Mortgage Statement        Statement Date: {format.Date(asOf)}
            Account Number: ******{last4}

            Payment Due Date: {format.Date(due)}
            Amount Due: {format.Money(pAndI + escrowPart)}

            Explanation of Amount Due
              Principal & Interest      {format.Money(pAndI)}
              Escrow (taxes & insurance) {format.Money(escrowPart)}
              Total                     {format.Money(pAndI + escrowPart)}

            Account Information
              Outstanding Principal     {format.Money(principal)}
              Interest Rate             {format.Rate(rate)}
              Escrow Balance            {(shortage ? format.Shortage(-escrow) : format.Money(escrow))}
            """;
        return new(LiabilityType.Mortgage, SourceKind.Statement, lender, text, new ExtractedFields
        {
            PrincipalBalance = principal, EscrowBalance = escrow, NextPaymentAmount = pAndI + escrowPart,
            NextPaymentDueDate = due, InterestRatePct = rate, AccountLast4 = last4,
        });
    }
}
