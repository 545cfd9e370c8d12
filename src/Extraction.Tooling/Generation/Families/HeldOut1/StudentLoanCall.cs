using System.Globalization;
using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.HeldOut1.HeldOut1Names;

namespace Extraction.Tooling.Generation.Families.HeldOut1;

internal static class StudentLoanCall
{
    private static readonly string[] StudentServicers = ["Nelnet", "MOHELA", "Aidvantage", "Edfinancial Services", "Firstmark Services"];

    public static DocumentFamily Family { get; } = new("student-loan-call", FamilySet.HeldOut, 10, "a student-loan servicer call: figures in words, ordinal dates", Write);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var servicer = draw.Pick(StudentServicers);
        var last4 = draw.Last4();
        var principal = draw.Amount(2_500, 95_000);
        var payment = draw.Amount(60, 1_100);
        var due = asOf.AddDays(draw.Next(5, 30));
        var rate = draw.Rate(2.75m, 8.05m);
        var name = draw.Pick(Names);
        var text = $"""
            [00:00:04] {servicer.ToUpperInvariant()} REP ({name}): Thanks for calling {servicer}. For verification, can I get the last four of your account number?
            [00:00:11] BORROWER: Yeah, {last4}.
            [00:00:19] {servicer.ToUpperInvariant()} REP ({name}): Thank you. So right now your outstanding principal is {format.SpokenMoney(principal)}.
            [00:00:31] BORROWER: Okay. And when's my next payment?
            [00:00:35] {servicer.ToUpperInvariant()} REP ({name}): Your next installment of {format.SpokenMoney(payment)} is due {format.SpokenDate(due)}.
            [00:00:48] BORROWER: What's the interest rate on these?
            [00:00:52] {servicer.ToUpperInvariant()} REP ({name}): The weighted average rate across your loans is {rate.ToString("0.0##", CultureInfo.InvariantCulture)} percent.
            """;
        return new(LiabilityType.StudentLoan, SourceKind.CallTranscript, servicer, text, new ExtractedFields
        {
            PrincipalBalance = principal, NextPaymentAmount = payment, NextPaymentDueDate = due, InterestRatePct = rate, AccountLast4 = last4,
        });
    }
}
