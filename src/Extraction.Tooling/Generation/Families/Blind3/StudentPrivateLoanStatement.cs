using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.Blind3.Blind3Draws;
using static Extraction.Tooling.Generation.Kit.Formatting;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.Blind3;

internal static class StudentPrivateLoanStatement
{
    public static DocumentFamily Family { get; } = new("student-private-loan-statement", FamilySet.HeldOut, 10, "Private student loan statement or statement-ready e-mail: one loan with several disbursements, or several loans under one account with a totals row", Write);

    /// <summary>Who borrowed, from whom, and how they pay, drawn before the loans.</summary>
    private sealed record Borrowing(string Lender, string Last4, string Account, string Borrower, string? Cosigner, DateOnly Due, string School, string Debit4, bool AutoDebit);

    /// <summary>The loans on the account and their detail section: one rate for a single loan, none for several.</summary>
    private sealed record Loans(decimal Principal, decimal Regular, decimal? Rate, string Detail);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var b = DrawBorrowing(draw, asOf);
        var df = draw.Pick("MM/dd/yyyy", "MMMM d, yyyy", "MMM d, yyyy");
        string Dt(DateOnly d) => d.ToString(df, Inv);

        var multi = draw.OneIn(2);
        var loans = multi ? SeveralLoans(draw, asOf) : OneLoan(draw, b, asOf);
        var email = !multi && draw.OneIn(3);
        var pastDue = !email && draw.OneIn(5) ? loans.Regular : 0m;
        var lateFee = pastDue > 0 ? Math.Min(25m, Math.Round(loans.Regular * 0.05m, 2)) : 0m;
        var total = loans.Regular + pastDue + lateFee;
        var phone = TollFree(draw);
        if (email)
        {
            return StatementReadyEmail(draw, b, loans, total, phone, asOf);
        }

        var amountBox = Lines(
            "AMOUNT DUE",
            $"{Pad("Current Amount Due", 30)}{Usd(loans.Regular)}",
            $"{Pad("Past Due Amount", 30)}{Usd(pastDue)}",
            $"{Pad("Late Fees", 30)}{Usd(lateFee)}",
            $"{Pad("Total Amount Due", 30)}{Usd(total)}",
            $"{Pad("Payment Due Date", 30)}{Dt(b.Due)}",
            b.AutoDebit ? $"Auto Debit: {Usd(total)} will be withdrawn from your bank account ending in {b.Debit4} on {Dt(b.Due)}." : null,
            pastDue > 0 ? "Your account is past due. Please pay the Total Amount Due to bring your account current." : null);

        var text = Lines(
            b.Lender.ToUpperInvariant(),
            $"P.O. Box {draw.Next(1000, 99_999).ToString(Inv)} | {draw.Pick("Wilmington, DE 19850", "Newark, DE 19714", "Sioux Falls, SD 57117", "Lincoln, NE 68501")} | {phone}",
            "",
            "MONTHLY STATEMENT",
            $"Statement Date: {Dt(asOf)}",
            $"Account Number: {b.Account}",
            $"Borrower: {b.Borrower}" + (b.Cosigner is null ? "" : $"    Cosigner: {b.Cosigner}"),
            "",
            amountBox,
            "",
            loans.Detail,
            "",
            "This is a private education loan. It is not a federal student loan and is not eligible for federal repayment plans or forgiveness programs.",
            "Interest you paid may be deductible. Your IRS Form 1098-E will be available by January 31.",
            "",
            "-------- Return this coupon with your payment --------",
            $"Account {b.Account}    Due {b.Due.ToString("MM/dd/yyyy", Inv)}    Total Amount Due {Usd(total)}    Amount Enclosed $________");

        return new(LiabilityType.StudentLoan, SourceKind.Statement, b.Lender, text, new ExtractedFields
        {
            PrincipalBalance = loans.Principal,
            NextPaymentAmount = loans.Regular,
            NextPaymentDueDate = b.Due,
            InterestRatePct = loans.Rate,
            AccountLast4 = b.Last4,
        });
    }

    private static Borrowing DrawBorrowing(Draw draw, DateOnly asOf)
    {
        var lender = draw.Pick("Brightpath Student Lending", "Keystone Private Education Loans", "Lakeshore Student Loan Servicing",
            "Cardinal Education Finance", "Ridgeway Bank Student Loans");
        var last4 = draw.Last4();
        var separator = draw.Pick("-", " ", "");
        var account = Digits(draw, 4) + separator + Digits(draw, 4) + separator + last4;
        var borrower = Person(draw);
        var cosigner = draw.OneIn(2) ? Person(draw) : null;
        var due = asOf.AddDays(draw.Next(16, 29));
        var school = draw.Pick("University of Northern Ohio", "Clearwater State University", "Bayview College of Nursing", "Ridge Valley University", "St. Anselm Law School");
        var debit4 = OtherFour(draw, last4);
        return new(lender, last4, account, borrower, cosigner, due, school, debit4, draw.OneIn(2));
    }

    /// <summary>One loan, disbursed in two or three installments, at one rate (fixed, or variable on SOFR).</summary>
    private static Loans OneLoan(Draw draw, Borrowing b, DateOnly asOf)
    {
        var parts = draw.Next(2, 4);
        var each = Math.Round(draw.Amount(2_500m, 22_000m) / 50m, 0) * 50m;
        var firstDisb = new DateOnly(asOf.Year - draw.Next(2, 8), 8, draw.Next(10, 29));
        var original = each * parts;
        var capitalized = draw.Amount(0m, original * 0.12m);
        var principal = Math.Round(draw.Amount(0.35m, 0.98m) * (original + capitalized), 2);
        var paidDown = original + capitalized - principal;
        var rate = Math.Round(draw.Rate(3.99m, 14.49m), 3);
        var variable = rate >= 6.5m && draw.OneIn(2);
        var regular = Installment(principal, rate, draw.Next(84, 170));
        string rateText;
        if (variable)
        {
            var index = Math.Round(draw.Rate(3.9m, 5.4m), 3);
            var discount = b.AutoDebit ? 0.25m : 0m;
            var margin = rate - index + discount;
            rateText = $"Current interest rate: {rate.ToString("0.000", Inv)}% (variable: 1-month CME Term SOFR {index.ToString("0.000", Inv)}% + margin {margin.ToString("0.000", Inv)}%"
                + (b.AutoDebit ? ", less 0.250% auto debit reduction)" : ")");
        }
        else
        {
            rateText = $"Interest rate: {rate.ToString("0.00#", Inv)}% fixed" + (b.AutoDebit ? " (includes 0.25% auto debit reduction)" : "");
        }

        var principalLabel = draw.Pick("Current principal", "Current principal balance", "Principal balance");
        var disbursements = new List<string> { "Disbursement   Date          Amount      Term" };
        for (var i = 0; i < parts; i++)
        {
            var when = i == 0 ? firstDisb : new DateOnly(firstDisb.Year + ((i + 1) / 2), i % 2 == 1 ? 1 : 8, draw.Next(5, 25));
            disbursements.Add($"{(i + 1).ToString(Inv),-15}{when.ToString("MM/dd/yyyy", Inv)}    {Usd(each),-12}{(when.Month == 8 ? "Fall " : "Spring ") + when.Year.ToString(Inv)}");
        }

        var detail = Lines(
            $"LOAN DETAIL - Loan {draw.Pick("001", "01", "1")} ({draw.Pick("Undergraduate", "Graduate", "Career Training", "Health Professions")} Private Loan, {b.School})",
            rateText,
            string.Join("\n", disbursements),
            $"{Pad("Original principal", 34)}{Usd(original)}",
            capitalized > 0 ? $"{Pad("Capitalized interest", 34)}{Usd(capitalized)}" : null,
            $"{Pad("Principal paid to date", 34)}({Usd(paidDown)})",
            $"{Pad(principalLabel, 34)}{Usd(principal)}",
            $"{Pad("Accrued interest (unpaid)", 34)}{Usd(draw.Amount(4m, 140m))}",
            $"{Pad("Interest paid this year", 34)}{Usd(draw.Amount(40m, 1_400m))}",
            $"{Pad("Monthly payment", 34)}{Usd(regular)}");
        return new(principal, regular, rate, detail);
    }

    /// <summary>Several loans on one account, each at its own rate: the account has no single rate.</summary>
    private static Loans SeveralLoans(Draw draw, DateOnly asOf)
    {
        var count = draw.Next(2, 5);
        var rows = new List<string>
        {
            "Loan  Type         Disbursed     Original Amt   Current Principal   Rate            Monthly Pmt",
        };
        var principal = 0m;
        var regular = 0m;
        var originalSum = 0m;
        var yearStart = asOf.Year - draw.Next(5, 10);
        for (var i = 0; i < count; i++)
        {
            var original = Math.Round(draw.Amount(3_000m, 28_000m) / 100m, 0) * 100m;
            var current = draw.Amount(original * 0.3m, original * 1.04m);
            var rate = Math.Round(draw.Rate(3.49m, 14.99m), 3);
            var payment = Installment(current, rate, draw.Next(90, 170));
            var kind = i < count - 1 || draw.OneIn(2) ? "Undergrad" : "Graduate";
            var disbursed = new DateOnly(yearStart + i, 8, draw.Next(10, 29));
            rows.Add($"{(i + 1).ToString("00", Inv),-6}{kind,-13}{disbursed.ToString("MM/dd/yyyy", Inv),-14}{Usd(original),-15}{Usd(current),-20}{(rate.ToString("0.000", Inv) + "% " + draw.Pick("Fixed", "Var")),-16}{Usd(payment)}");
            principal += current;
            regular += payment;
            originalSum += original;
        }

        rows.Add($"{"",-33}{"Totals",-15}{Usd(principal),-20}{"",-16}{Usd(regular)}");
        var detail = Lines(
            "YOUR LOANS",
            string.Join("\n", rows),
            "",
            $"Total original amount borrowed: {Usd(originalSum)}    Interest paid year to date: {Usd(draw.Amount(60m, 2_400m))}",
            "Variable rates may change monthly based on the index. See your credit agreement for details.");
        return new(principal, regular, null, detail);
    }

    /// <summary>A statement-ready e-mail instead of the statement (single loans only).</summary>
    private static SyntheticDocument StatementReadyEmail(Draw draw, Borrowing b, Loans loans, decimal total, string phone, DateOnly asOf)
    {
        var first = b.Borrower.Split(' ')[0];
        var stated = draw.OneIn(2);
        var mail = Lines(
            $"From: {b.Lender} <no-reply@notices.{Slug(b.Lender)}.com>",
            $"Sent: {asOf.ToString("ddd, d MMM yyyy", Inv)} {draw.Next(5, 8).ToString("00", Inv)}:{draw.Next(0, 60).ToString("00", Inv)}:{draw.Next(0, 60).ToString("00", Inv)} -0500",
            $"Subject: Your {asOf.ToString("MMMM", Inv)} statement is ready",
            "",
            $"Hi {first},",
            "",
            $"Your new statement for the loan account ending in {b.Last4} is ready to view online.",
            "",
            $"  {draw.Pick("Payment amount:", "Amount due:", "Total amount due:"),-22}{Usd(total)}",
            $"  Due date:             {b.Due.ToString("MMM d, yyyy", Inv)}",
            $"  Current principal:    {Usd(loans.Principal)}",
            stated ? $"  Interest rate:        {loans.Rate!.Value.ToString("0.000", Inv)}%" : null,
            "",
            b.AutoDebit
                ? $"You're enrolled in Auto Debit. We'll debit {Usd(total)} from your account ending in {b.Debit4} on the due date - no action needed."
                : "Pay online, by phone, or by mail. Enroll in Auto Debit to get a 0.25% interest rate reduction.",
            "",
            $"Questions? Call us at {phone}, Monday-Friday 8 a.m.-9 p.m. ET.",
            "Please do not reply to this e-mail. This mailbox is not monitored.",
            $"{b.Lender} | P.O. Box {draw.Next(1000, 99_999).ToString(Inv)} | Wilmington, DE 19{draw.Next(801, 899).ToString(Inv)}");
        return new(LiabilityType.StudentLoan, SourceKind.Other, b.Lender, mail, new ExtractedFields
        {
            PrincipalBalance = loans.Principal,
            NextPaymentAmount = loans.Regular,
            NextPaymentDueDate = b.Due,
            InterestRatePct = stated ? loans.Rate : null,
            AccountLast4 = b.Last4,
        });
    }
}
