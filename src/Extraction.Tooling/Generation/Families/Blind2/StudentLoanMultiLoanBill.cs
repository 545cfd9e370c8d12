using System.Globalization;
using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.Blind2.Blind2Names;
using static Extraction.Tooling.Generation.Kit.Formatting;

namespace Extraction.Tooling.Generation.Families.Blind2;

internal static class StudentLoanMultiLoanBill
{
    private static readonly string[] StudentServicers = ["Aidvantage", "Nelnet", "MOHELA", "EdFinancial Services", "Navient", "Sallie Mae Bank"];

    private static readonly string[] StudentLoanTypes = ["Direct Subsidized Stafford", "Direct Unsubsidized Stafford", "Direct PLUS Graduate", "Direct Consolidated Unsub", "Direct Consolidated Sub"];

    private static readonly string[] RepaymentPlans = ["Standard", "Graduated", "Extended - Fixed", "Income-Based (IBR)", "Pay As You Earn"];

    public static DocumentFamily Family { get; } = new("student-loan-multi-loan-bill", FamilySet.HeldOut, 10, "a student-loan monthly bill in plain text: a table of several loans with per-loan rates, a total row and a coupon", Write);

    /// <summary>The bill's table of loans and its totals; the account's rate is the average weighted by principal.</summary>
    private sealed record Loans(List<string> Rows, decimal Principal, decimal Interest, decimal Monthly, decimal Average);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var servicer = draw.Pick(StudentServicers);
        var last4 = draw.Last4();
        var account = draw.Next(100_000, 1_000_000).ToString(CultureInfo.InvariantCulture) + last4;
        var due = asOf.AddDays(draw.Next(18, 29));
        var loans = DrawLoans(draw, asOf);
        var showAverage = !draw.OneIn(3);
        var lastPayment = asOf.AddDays(-draw.Next(5, 25));
        var ytd = draw.Amount(50, 2_400);
        var dueText = format.Date(due);
        var averageLine = showAverage ? $"Weighted Average Interest Rate .... {loans.Average.ToString("0.000", CultureInfo.InvariantCulture)}%" : "Interest rates are shown for each loan below.";
        var text = $"""
            {servicer.ToUpperInvariant()}                               MONTHLY BILLING STATEMENT
            PO Box {draw.Next(1_000, 99_999)}                                      Statement Date: {format.Date(asOf)}
            {draw.Pick(Towns)}                             Account Number: {account}
            1-888-555-{draw.Next(1_000, 9_999)}  Mon-Fri 8am-9pm ET

              +-------------------------------------------+
              |  Current Amount Due        {Usd(loans.Monthly),14} |
              |  Payment Due Date          {dueText,14} |
              +-------------------------------------------+

            ACCOUNT SUMMARY
            Total Principal Balance ........... {Usd(loans.Principal)}
            Total Unpaid Interest ............. {Usd(loans.Interest)}
            Past Due Amount ................... $0.00
            Payment Received {format.ShortDate(lastPayment)} ....... {Usd(loans.Monthly)}
            Interest Paid This Year ........... {Usd(ytd)}
            Repayment Plan: {draw.Pick(RepaymentPlans)}
            {averageLine}

            LOAN DETAIL
            {"Loan",4}   {"Loan Type",-30}{"Disbursed",11}{"Rate",9}{"Principal",13}{"Unpaid Int",11}{"Monthly Amt",13}
            {string.Join("\n", loans.Rows)}
            {"",7}{"TOTAL",-50}{Plain(loans.Principal),13}{Plain(loans.Interest),11}{Plain(loans.Monthly),13}

            Unpaid interest is not added to your principal unless it is capitalized. Paying more than the amount
            due? Extra payments go first to unpaid interest, then to principal of the loan with the highest rate.

            - - - - - - - - - - - - - - - - detach and return with your payment - - - - - - - - - - - - - - - -
            Account Number: {account}       Due Date: {dueText}       Amount Due: {Usd(loans.Monthly)}
            Amount Enclosed: $__________        Make checks payable to: {servicer}
            """;
        return new(LiabilityType.StudentLoan, SourceKind.Statement, servicer, text, new ExtractedFields
        {
            PrincipalBalance = loans.Principal, NextPaymentAmount = loans.Monthly, NextPaymentDueDate = due,
            InterestRatePct = showAverage ? loans.Average : null, AccountLast4 = last4,
        });
    }

    private static Loans DrawLoans(Draw draw, DateOnly asOf)
    {
        var count = draw.Next(2, 6);
        var rows = new List<string>();
        var totalPrincipal = 0m;
        var totalInterest = 0m;
        var totalMonthly = 0m;
        var weighted = 0m;
        for (var i = 1; i <= count; i++)
        {
            var principal = draw.Amount(1_200, 22_000);
            var rate = Math.Round(draw.Rate(2.75m, 8.05m), 3);
            var interest = draw.Amount(0, 140);
            var monthly = Math.Round(principal * 0.0115m, 2);
            var disbursed = new DateOnly(asOf.Year - draw.Next(2, 12), draw.OneIn(2) ? 8 : 1, draw.Next(10, 28));
            totalPrincipal += principal;
            totalInterest += interest;
            totalMonthly += monthly;
            weighted += principal * rate;
            rows.Add($"  {i,2}   {draw.Pick(StudentLoanTypes),-30}{disbursed.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture),11}{rate.ToString("0.000", CultureInfo.InvariantCulture) + "%",9}{Plain(principal),13}{Plain(interest),11}{Plain(monthly),13}");
        }

        return new(rows, totalPrincipal, totalInterest, totalMonthly, Math.Round(weighted / totalPrincipal, 3));
    }
}
