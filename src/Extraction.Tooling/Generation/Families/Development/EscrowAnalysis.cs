using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.Development.DevelopmentNames;

namespace Extraction.Tooling.Generation.Families.Development;

internal static class EscrowAnalysis
{
    public static DocumentFamily Family { get; } = new("escrow-analysis", FamilySet.Development, 8, "an annual escrow analysis with a shortage or an overage", Write);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var servicer = draw.Pick(MortgageServicers);
        var last4 = draw.Last4();
        var balance = draw.Amount(200, 6_000);
        var difference = draw.Amount(40, 1_800);
        var shortage = draw.OneIn(2);
        var pAndI = draw.Amount(600, 3_800);
        var newEscrow = draw.Amount(150, 1_100);
        var effective = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(2);
        var outcome = shortage
            ? $"Based on the projected disbursements your escrow account has a shortage of {format.Money(difference)}, which will be spread over the next 12 payments."
            : $"Based on the projected disbursements your escrow account has an overage of {format.Money(difference)}; a refund check is enclosed.";
        var text = $"""
            {servicer}
            ANNUAL ESCROW ACCOUNT DISCLOSURE STATEMENT
            Loan number: {draw.Next(100, 999)}{last4}       Analysis date: {format.Date(asOf)}

            Your escrow account balance is {format.Money(balance)} as of the analysis date.
            {outcome}
            Principal and interest: {format.Money(pAndI)}   Escrow: {format.Money(newEscrow)}
            New total payment: {format.Money(pAndI + newEscrow)}, due {format.Date(effective)}.
            """;
        return new(LiabilityType.Mortgage, SourceKind.Other, servicer, text, new ExtractedFields
        {
            EscrowBalance = balance, NextPaymentAmount = pAndI + newEscrow, NextPaymentDueDate = effective, AccountLast4 = last4,
        });
    }
}
