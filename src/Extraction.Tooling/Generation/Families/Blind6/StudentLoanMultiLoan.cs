using System.Globalization;
using System.Text;
using Extraction.Core.Contracts;

namespace Extraction.Tooling.Generation.Families.Blind6;

/// <summary>A student-loan servicer's account summary that lists several loans (1-01, 1-02, ...) each with its own principal, rate and status, and the account's totals.</summary>
internal static class StudentLoanMultiLoan
{
    public static DocumentFamily Family { get; } = new("student-loan-multi-loan-summary", FamilySet.HeldOut, 10,
        "Student-loan account summary listing several loans with their own principal, rate and status, plus account totals", Write);

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly string[] FederalServicers = ["Nelnet", "MOHELA", "Aidvantage", "EdFinancial Services", "Central Research, Inc. (CRI)"];

    private static readonly string[] PrivateServicers = ["Sallie Mae", "Navient", "College Ave Student Loans", "Citizens Student Loan Servicing", "Firstmark Services"];

    private static readonly string[] Borrowers =
    [
        "Jordan A. Ellis", "Priya Raman", "Marcus T. Bell", "Alexis Gutierrez", "Hannah Kowalski", "DeShawn Carter", "Emily R. Tran",
        "Kyle Brennan", "Sofia Delgado", "Nathan Okafor", "Rebecca Stein", "Tyler J. Moss",
    ];

    // Direct Loan rates by award year (first year of the July-June award year): undergraduate, graduate unsubsidized, PLUS.
    private static readonly (int Year, decimal Under, decimal Grad, decimal Plus)[] Rates =
    [
        (2012, 3.40m, 6.80m, 7.90m), (2013, 3.86m, 5.41m, 6.41m), (2014, 4.66m, 6.21m, 7.21m), (2015, 4.29m, 5.84m, 6.84m),
        (2016, 3.76m, 5.31m, 6.31m), (2017, 4.45m, 6.00m, 7.00m), (2018, 5.05m, 6.60m, 7.60m), (2019, 4.53m, 6.08m, 7.08m),
        (2020, 2.75m, 4.30m, 5.30m), (2021, 3.73m, 5.28m, 6.28m),
    ];

    private sealed record Loan(string Id, string Type, DateOnly Disbursed, decimal Original, decimal Principal, decimal Rate, decimal Interest, string Status, decimal Payment);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var isPrivate = draw.OneIn(4);
        var servicer = isPrivate ? draw.Pick(PrivateServicers) : draw.Pick(FederalServicers);
        var borrower = draw.Pick(Borrowers);
        var accountNumber = draw.Next(1, 10).ToString(Inv) + draw.Next(0, 100_000).ToString("D5", Inv) + draw.Last4();
        var last4 = accountNumber[^4..];
        var due = asOf.AddDays(draw.Next(4, 27));
        var lastPaid = due.AddMonths(-1).AddDays(-draw.Next(0, 4));
        var remaining = draw.Next(18, 112);
        var plan = isPrivate ? "Immediate Repayment" : draw.Pick("Standard", "Standard", "Graduated", "Extended Fixed", "Income-Based Repayment (IBR)");

        // The loans as first disbursed.
        var drafts = new List<(string Type, DateOnly Disbursed, decimal Original, decimal Rate)>();
        if (isPrivate)
        {
            var year = draw.Next(2013, 2021);
            var count = draw.Next(2, 5);
            for (var i = 0; i < count; i++)
            {
                var fixedRate = draw.Next(3) != 0;
                var product = servicer == "Sallie Mae" ? "Smart Option Student Loan" : draw.Pick("Private Student Loan", "Undergraduate Loan", "Student Loan");
                drafts.Add((product + (fixedRate ? " - Fixed" : " - Variable"),
                    new DateOnly(year + i, PickInt(draw, 8, 9), draw.Next(10, 29)), draw.Next(4, 31) * 500m, Math.Round(draw.Rate(4.25m, 13.75m), 3)));
            }
        }
        else
        {
            var start = draw.Next(0, Rates.Length - 3);
            var underYears = draw.Next(1, 4);
            for (var y = 0; y < underYears; y++)
            {
                var (year, under, _, _) = Rates[start + y];
                var disbursed = new DateOnly(year, PickInt(draw, 8, 9), draw.Next(1, 29));
                drafts.Add(("Direct Subsidized Loan", disbursed, decimal.Parse(draw.Pick("3500", "4500", "5500", "3500"), Inv), under));
                drafts.Add(("Direct Unsubsidized Loan", disbursed, decimal.Parse(draw.Pick("2000", "2000", "6000", "7000"), Inv), under));
            }

            if (underYears < 3 && draw.OneIn(2))
            {
                var (year, _, grad, plus) = Rates[start + underYears + 1];
                var disbursed = new DateOnly(year, PickInt(draw, 8, 9), draw.Next(1, 29));
                drafts.Add(("Direct Unsubsidized Loan (Graduate)", disbursed, draw.Next(20, 42) * 500m, grad));
                if (draw.OneIn(2))
                {
                    drafts.Add(("Direct PLUS Loan (Graduate)", disbursed, draw.Next(6, 40) * 500m, plus));
                }
            }
        }

        // Today's figures: standard amortization over 120 months, now `remaining` months left, with some noise.
        var paidOffIndex = drafts.Count >= 3 && draw.OneIn(4) ? draw.Next(0, drafts.Count) : -1;
        var interestDays = asOf.DayNumber - lastPaid.DayNumber;
        var loans = new List<Loan>();
        var repaymentWord = draw.Pick("Repayment", "In Repayment", "REPAYMENT", "Active - Repayment");
        var idr = plan.StartsWith("Income", StringComparison.Ordinal);
        for (var i = 0; i < drafts.Count; i++)
        {
            var (type, disbursed, original, rate) = drafts[i];
            var id = isPrivate ? $"{(i + 1):D2}" : $"1-{(i + 1):D2}";
            if (i == paidOffIndex)
            {
                loans.Add(new Loan(id, type, disbursed, original, 0m, rate, 0m, "Paid in Full", 0m));
                continue;
            }

            var principal = Math.Round(Remaining(original, rate, 120, 120 - remaining) * (0.97m + (draw.Next(0, 70) / 1000m)), 2);
            var interest = Math.Round(principal * rate / 100m / 365m * Math.Max(1, interestDays), 2);
            var payment = Math.Round(Amortized(principal, rate, remaining), 2);
            loans.Add(new Loan(id, type, disbursed, original, principal, rate, interest, repaymentWord, payment));
        }

        if (idr)
        {
            var active = loans.Where(l => l.Principal > 0).ToList();
            var total = draw.Amount(40m, 380m);
            var activePrincipal = active.Sum(l => l.Principal);
            var assigned = 0m;
            for (var i = 0; i < loans.Count; i++)
            {
                if (loans[i].Principal == 0)
                {
                    continue;
                }

                var share = ReferenceEquals(loans[i], active[^1]) ? total - assigned : Math.Round(total * loans[i].Principal / activePrincipal, 2);
                assigned += share;
                loans[i] = loans[i] with { Payment = share };
            }
        }

        var totalPrincipal = loans.Sum(l => l.Principal);
        var totalInterest = loans.Sum(l => l.Interest);
        var totalPayment = loans.Sum(l => l.Payment);
        var totalOriginal = loans.Sum(l => l.Original);
        var weighted = Math.Round(loans.Where(l => l.Principal > 0).Sum(l => l.Principal * l.Rate) / totalPrincipal, draw.OneIn(3) ? 2 : 3);
        var statesWeighted = draw.OneIn(2);
        var lastPaymentAmount = draw.OneIn(4) ? totalPayment + (draw.Next(1, 11) * 25m) : totalPayment;
        var interestPaidLastYear = Math.Round(totalPrincipal * weighted / 100m * (0.8m + (draw.Next(0, 30) / 100m)), 2);
        var autoDebit = !isPrivate && draw.OneIn(3);

        var dateStyle = draw.Next(3);
        string D(DateOnly d) => dateStyle switch { 0 => d.ToString("MM/dd/yyyy", Inv), 1 => d.ToString("MMM d, yyyy", Inv), _ => d.ToString("M/d/yyyy", Inv) };
        var dollar = draw.Next(3) != 0;
        string M(decimal a) => (dollar ? "$" : "") + a.ToString("#,##0.00", Inv);
        string R(decimal r) => r.ToString(r == Math.Round(r, 2) ? "0.00" : "0.000", Inv) + "%";
        var maskedAccount = draw.OneIn(2) ? accountNumber : new string('*', accountNumber.Length - 4) + last4;
        var phone = $"1-{draw.Pick("888", "800", "866", "855")}-{draw.Next(200, 1000)}-{draw.Next(0, 10_000):D4}";

        var text = new StringBuilder();
        var layout = draw.Next(3);
        if (layout == 0)
        {
            text.AppendLine(Inv, $"{servicer} | {draw.Pick("Account Summary", "My Loans", "Loan Summary")}");
            text.AppendLine(Inv, $"Welcome back, {borrower.Split(' ')[0]}                       Last login: {D(asOf.AddDays(-draw.Next(3, 40)))} {draw.Next(1, 12)}:{draw.Next(0, 60):D2} PM");
            text.AppendLine(Inv, $"Account #: {maskedAccount}");
            text.AppendLine();
            text.AppendLine(Inv, $"Current Amount Due      {M(totalPayment)}");
            text.AppendLine(Inv, $"Due Date                {D(due)}");
            text.AppendLine(Inv, $"Past Due Amount         {M(0m)}");
            text.AppendLine(Inv, $"Last Payment Received   {M(lastPaymentAmount)} on {D(lastPaid)}");
            text.AppendLine();
            text.AppendLine(Inv, $"Total Principal Balance     {M(totalPrincipal)}");
            text.AppendLine(Inv, $"Total Outstanding Interest  {M(totalInterest)}");
            text.AppendLine(Inv, $"Total Balance               {M(totalPrincipal + totalInterest)}");
            text.AppendLine(Inv, $"Repayment Plan: {plan}      Auto Pay: {(autoDebit ? "Enrolled" : "Not enrolled")}");
            if (statesWeighted)
            {
                text.AppendLine(Inv, $"Weighted Average Interest Rate: {R(weighted)}");
            }

            text.AppendLine();
            text.AppendLine("Loan Details");
            foreach (var l in loans)
            {
                text.AppendLine(Inv, $"Loan {l.Id}  {l.Type}");
                text.AppendLine(Inv, $"   Status: {l.Status}            Disbursed: {D(l.Disbursed)}");
                text.AppendLine(Inv, $"   Original Amount: {M(l.Original)}    Current Principal: {M(l.Principal)}");
                text.AppendLine(Inv, $"   Interest Rate: {R(l.Rate)}{(l.Type.Contains("Variable", StringComparison.Ordinal) ? " (variable)" : "")}    Outstanding Interest: {M(l.Interest)}");
                text.AppendLine(Inv, $"   Monthly Payment: {M(l.Payment)}");
            }
        }
        else if (layout == 1)
        {
            text.AppendLine(servicer.ToUpperInvariant());
            text.AppendLine(draw.Pick("STUDENT LOAN STATEMENT", "Monthly Billing Statement", "STATEMENT OF ACCOUNT"));
            text.AppendLine(Inv, $"Statement Date: {D(asOf.AddDays(-draw.Next(1, 5)))}        Account Number: {maskedAccount}");
            text.AppendLine(Inv, $"Borrower: {borrower.ToUpperInvariant()}");
            text.AppendLine();
            text.AppendLine(Inv, $"{"Loan",-6}{"Loan Type",-38}{"Disbursed",-12}{"Orig Amt",12}{"Principal",13}{"Rate",9}{"Interest",10}  {"Status",-14}{"Payment",10}");
            foreach (var l in loans)
            {
                text.AppendLine(Inv, $"{l.Id,-6}{Cut(l.Type, 37),-38}{l.Disbursed.ToString("MM/dd/yy", Inv),-12}{Bare(l.Original),12}{Bare(l.Principal),13}{R(l.Rate),9}{Bare(l.Interest),10}  {l.Status,-14}{Bare(l.Payment),10}");
            }

            text.AppendLine(new string('-', 126));
            text.AppendLine(Inv, $"{"TOTALS",-56}{Bare(totalOriginal),12}{Bare(totalPrincipal),13}{(statesWeighted ? R(weighted) : ""),9}{Bare(totalInterest),10}  {"",-14}{Bare(totalPayment),10}");
            if (statesWeighted)
            {
                text.AppendLine(Inv, $"Rate shown in the totals row is the weighted average interest rate of your loans.");
            }

            text.AppendLine();
            text.AppendLine(Inv, $"Repayment plan: {plan}");
            text.AppendLine(Inv, $"Current Amount Due: {M(totalPayment)}      Past Due: {M(0m)}      Total Amount Due: {M(totalPayment)}");
            text.AppendLine(Inv, $"Payment Due Date: {D(due)}");
            text.AppendLine(Inv, $"Payment received {D(lastPaid)}: {M(lastPaymentAmount)}");
        }
        else
        {
            text.AppendLine(Inv, $"{servicer} - {draw.Pick("Loan Breakdown", "Account Details", "Loan Information")}");
            text.AppendLine(Inv, $"Borrower: {borrower} | Account: {maskedAccount}");
            text.AppendLine();
            text.AppendLine("Loan ID | Type | Status | Disbursement Date | Original Principal | Current Principal | Interest Rate | Accrued Interest");
            foreach (var l in loans)
            {
                text.AppendLine(Inv, $"{l.Id} | {l.Type} | {l.Status} | {D(l.Disbursed)} | {M(l.Original)} | {M(l.Principal)} | {R(l.Rate)} | {M(l.Interest)}");
            }

            text.AppendLine(Inv, $"Total | | | | {M(totalOriginal)} | {M(totalPrincipal)} | {(statesWeighted ? R(weighted) + " (weighted avg.)" : "")} | {M(totalInterest)}");
            text.AppendLine();
            text.AppendLine(draw.Pick("Payment Summary", "Your Next Payment"));
            text.AppendLine(Inv, $"Monthly payment amount: {M(totalPayment)} ({plan})");
            text.AppendLine(Inv, $"Next payment due: {D(due)}");
            text.AppendLine(Inv, $"Payments remaining: {remaining}");
            text.AppendLine(Inv, $"Most recent payment: {M(lastPaymentAmount)} posted {D(lastPaid.AddDays(1))}");
        }

        text.AppendLine();
        if (autoDebit)
        {
            text.AppendLine("You are enrolled in Auto Debit. Your 0.25% auto debit interest rate reduction is applied as interest accrues; the rates shown are your loans' contract rates.");
        }

        if (draw.OneIn(2))
        {
            text.AppendLine(Inv, $"Student loan interest paid in {asOf.Year - 1} (reported on Form 1098-E): {M(interestPaidLastYear)}");
        }

        text.AppendLine(Inv, $"Questions? Call {phone}, Monday-Friday 8 a.m. - 9 p.m. ET.");
        if (draw.OneIn(2))
        {
            text.AppendLine(Inv, $"Send payments to: {servicer}, P.O. Box {draw.Next(2000, 99999)}, {draw.Pick("Lincoln, NE 68501", "St. Louis, MO 63179", "Wilkes-Barre, PA 18773", "Newark, DE 19714")}");
        }

        var fields = new ExtractedFields
        {
            PrincipalBalance = totalPrincipal,
            NextPaymentAmount = totalPayment,
            NextPaymentDueDate = due,
            InterestRatePct = statesWeighted ? Norm(weighted) : null,
            AccountLast4 = last4,
        };
        var kind = layout == 1 ? SourceKind.Statement : SourceKind.PortalPage;
        return new(LiabilityType.StudentLoan, kind, servicer, text.ToString().TrimEnd() + "\n", fields);

        static string Bare(decimal a) => a.ToString("#,##0.00", Inv);
        static string Cut(string s, int n) => s.Length <= n ? s : s[..n];
    }

    private static decimal Growth(decimal rate, int months)
    {
        var growth = 1m;
        for (var i = 0; i < months; i++)
        {
            growth *= 1m + (rate / 1200m);
        }

        return growth;
    }

    private static decimal Amortized(decimal principal, decimal rate, int months)
    {
        var g = Growth(rate, months);
        return principal * (rate / 1200m) * g / (g - 1m);
    }

    private static decimal Remaining(decimal original, decimal rate, int term, int paid)
    {
        var full = Growth(rate, term);
        return original * (full - Growth(rate, paid)) / (full - 1m);
    }

    private static int PickInt(Draw draw, params int[] options) => options[draw.Next(options.Length)];

    private static decimal Norm(decimal value) => decimal.Parse(value.ToString("0.############", Inv), Inv);
}
