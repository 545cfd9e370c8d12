using Extraction.Core.Contracts;

namespace Extraction.Tooling.Generation.Families.Core;

internal static class StudentPortal
{
    private static readonly string[] StudentServicers = ["EdFinancial", "Sallie Mae", "Aidvantage", "Nelnet", "MOHELA"];

    public static DocumentFamily Family { get; } = new("student-portal", FamilySet.Core, 20, "a student-loan servicer's account page (text)", Write);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var servicer = draw.Pick(StudentServicers);
        var last4 = draw.Last4();
        var balance = draw.Amount(3_000, 120_000);
        var payment = draw.Amount(50, 1_400);
        var due = asOf.AddDays(draw.Next(5, 30));
        var rate = draw.Rate(2, 8);
        var text = $"""
            {servicer} - My Account (loan ending {last4})
            Current Balance: {format.Money(balance)}
            Monthly Payment Amount: {format.Money(payment)}
            Next Payment Due: {format.Date(due)}
            Interest Rate: {format.Rate(rate)}
            Original Loan Amount: {format.Money(balance * 1.3m)}
            """;
        return new(LiabilityType.StudentLoan, SourceKind.PortalPage, servicer, text, new ExtractedFields
        {
            PrincipalBalance = balance, NextPaymentAmount = payment, NextPaymentDueDate = due, InterestRatePct = rate, AccountLast4 = last4,
        });
    }
}
