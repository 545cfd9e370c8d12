using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.Blind3.Blind3Draws;
using static Extraction.Tooling.Generation.Kit.Formatting;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.Blind3;

internal static class MortgageCfpbPeriodicStatement
{
    public static DocumentFamily Family { get; } = new("mortgage-cfpb-periodic-statement", FamilySet.HeldOut, 10, "Mortgage servicer monthly statement in the CFPB model layout: amount-due box, explanation of amount due, past payments breakdown, transaction activity, delinquency notice, coupon", Write);

    /// <summary>The month's figures, drawn before any of the statement is written.</summary>
    private sealed record Statement(string Servicer, string Borrower, string Last4, string LoanNumber, decimal Principal, decimal Rate, decimal PrincipalAndInterest, decimal EscrowPart, DateOnly Due, bool Delinquent, decimal Partial)
    {
        public decimal InterestPart => Math.Round(Principal * Rate / 1200m, 2);

        public decimal PrincipalPart => PrincipalAndInterest - InterestPart;

        public decimal Regular => PrincipalAndInterest + EscrowPart;

        public DateOnly PreviousDue => Due.AddMonths(-1);

        public decimal LateFee => Math.Round(PrincipalAndInterest * 0.05m, 2);

        public decimal Overdue => Delinquent ? Regular : 0m;

        public decimal Fees => Delinquent ? LateFee : 0m;

        public decimal TotalDue => Regular + Overdue + Fees;
    }

    /// <summary>The escrow line of the account information and its message: not shown, a deficit, or a balance (sometimes beside a projected shortage).</summary>
    private sealed record Escrow(decimal? Gold, string? Line, string? Message);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var s = DrawStatement(draw, asOf);
        var df = draw.Pick("MM/dd/yyyy", "MMMM d, yyyy", "MMM d, yyyy", "M/d/yyyy");
        string Dt(DateOnly d) => d.ToString(df, Inv);
        var dollars = draw.OneIn(3) ? (Func<decimal, string>)Plain : Usd;
        var escrow = DrawEscrow(draw);
        var accountInfo = AccountInformation(draw, s, escrow, Dt);
        var explanation = Explanation(draw, s, dollars);
        var past = PastPayments(s, asOf);
        var transactions = Transactions(draw, s, asOf, Dt);
        var delinquency = s.Delinquent ? Delinquency(s, asOf, Dt) : null;
        var header = Header(draw, s, asOf, Dt);
        var messages = Messages(draw, s.Servicer, escrow.Message);
        var coupon = Coupon(s);

        var text = draw.OneIn(2)
            ? Lines(header, "", accountInfo, "", explanation, "", past, "", delinquency, delinquency is null ? null : "", transactions, "", messages, "", coupon)
            : Lines(header, "", explanation, "", accountInfo, "", transactions, "", past, "", delinquency, delinquency is null ? null : "", messages, "", coupon);

        return new(LiabilityType.Mortgage, SourceKind.Statement, s.Servicer, text, new ExtractedFields
        {
            PrincipalBalance = s.Principal,
            EscrowBalance = escrow.Gold,
            NextPaymentAmount = s.Regular,
            NextPaymentDueDate = s.Due,
            InterestRatePct = s.Rate,
            AccountLast4 = s.Last4,
        });
    }

    private static Statement DrawStatement(Draw draw, DateOnly asOf)
    {
        var servicer = draw.Pick("Harborline Mortgage Servicing", "Prairie Home Loan Services, LLC", "Cedar Ridge Mortgage Company",
            "Summit Lakes Home Finance", "Old Dominion Loan Servicing, Inc.", "Bayfront Federal Savings Bank");
        var borrower = Person(draw);
        var last4 = draw.Last4();
        var loanNumber = Digits(draw, 6) + last4;
        var principal = draw.Amount(78_000m, 690_000m);
        var rate = Math.Round(draw.Rate(2.5m, 7.75m) * 8m, 0) / 8m;
        var pi = Installment(principal, rate, draw.Next(150, 349));
        var escrowPart = draw.Amount(160m, 1_050m);
        var delinquent = asOf.Day >= 17 && draw.OneIn(4);
        var partial = !delinquent && draw.OneIn(5) ? draw.Amount(25m, 400m) : 0m;
        return new(servicer, borrower, last4, loanNumber, principal, rate, pi, escrowPart, FirstOfNextMonth(asOf), delinquent, partial);
    }

    private static Escrow DrawEscrow(Draw draw)
    {
        var escrowMode = draw.Next(6);
        if (escrowMode == 1)
        {
            var deficit = draw.Amount(140m, 2_400m);
            return new(
                -deficit,
                Pad("Escrow Balance", 34) + draw.Pick("-" + Usd(deficit), "(" + Usd(deficit) + ")", Usd(deficit) + " DEFICIT"),
                $"Escrow Deficit: Your escrow account has a negative balance of {Usd(deficit)} because disbursements for taxes and insurance exceeded the funds held. "
                    + "We advanced the difference on your behalf. Your next escrow analysis will show how this amount will be repaid.");
        }

        if (escrowMode >= 2)
        {
            var balance = draw.Amount(250m, 7_800m);
            var label = draw.Pick("Escrow Balance", "Escrow Account Balance", "Current Escrow Balance");
            string? message = null;
            if (draw.OneIn(4))
            {
                var shortage = draw.Amount(120m, 1_500m);
                message = $"Escrow Analysis: Your annual escrow analysis projected a shortage of {Usd(shortage)}. It is being collected over 12 months "
                    + $"({Usd(Math.Round(shortage / 12m, 2))} per month) and is included in the escrow portion of your payment.";
            }

            return new(balance, Pad(label, 34) + Usd(balance), message);
        }

        return new(null, null, null);
    }

    private static string AccountInformation(Draw draw, Statement s, Escrow escrow, Func<DateOnly, string> dt)
    {
        var principalLabel = draw.Pick("Outstanding Principal", "Unpaid Principal Balance", "Principal Balance", "Outstanding Principal Balance*");
        var rateLabel = draw.OneIn(4)
            ? $"Interest Rate (until {s.Due.AddMonths(draw.Next(8, 40)).ToString("MM/yyyy", Inv)})"
            : draw.Pick("Interest Rate", "Current Interest Rate");
        var maturity = new DateOnly(s.Due.Year + draw.Next(12, 29), s.Due.Month, 1);
        var rateText = draw.OneIn(2) ? s.Rate.ToString("0.000", Inv) + "%" : s.Rate.ToString("0.00000", Inv) + "%";
        return Lines(
            "ACCOUNT INFORMATION",
            Pad(principalLabel, 34) + Usd(s.Principal),
            Pad(rateLabel, 34) + rateText,
            escrow.Line,
            Pad("Prepayment Penalty", 34) + "No",
            draw.OneIn(2) ? Pad("Maturity Date", 34) + dt(maturity) : null,
            s.Partial > 0 ? Pad("Unapplied Funds (Suspense)", 34) + Usd(s.Partial) : null,
            principalLabel.EndsWith('*') ? "*This is not your payoff amount. Call us or visit our website for a payoff quote." : null);
    }

    private static string Explanation(Draw draw, Statement s, Func<decimal, string> dollars)
    {
        var regularLabel = draw.Pick("Regular Monthly Payment", "Regular Payment", "Monthly Payment (Principal, Interest & Escrow)");
        return Lines(
            "EXPLANATION OF AMOUNT DUE",
            Pad("Principal", 40) + dollars(s.PrincipalPart),
            Pad("Interest", 40) + dollars(s.InterestPart),
            Pad("Escrow (for Taxes and Insurance)", 40) + dollars(s.EscrowPart),
            Pad(regularLabel, 40) + dollars(s.Regular),
            Pad("Total Fees Charged", 40) + dollars(s.Fees),
            s.Delinquent ? Pad("Overdue Payment", 40) + dollars(s.Overdue) : null,
            Pad("Total Amount Due", 40) + dollars(s.TotalDue));
    }

    /// <summary>Last month's split and the year so far.</summary>
    private static string PastPayments(Statement s, DateOnly asOf)
    {
        var paidMonths = Math.Max(1, asOf.Month - 1);
        var prevInterest = Math.Round((s.Principal + s.PrincipalPart) * s.Rate / 1200m, 2);
        var prevPrincipal = s.PrincipalAndInterest - prevInterest;
        var lastPrincipal = s.Delinquent ? 0m : prevPrincipal;
        var lastInterest = s.Delinquent ? 0m : prevInterest;
        var lastEscrow = s.Delinquent ? 0m : s.EscrowPart;
        var ytdCount = s.Delinquent ? paidMonths - 1 : paidMonths;
        var ytdPrincipal = ytdCount == 0 ? 0m : (prevPrincipal * ytdCount) - Math.Round(0.0045m * prevPrincipal * ytdCount * (ytdCount - 1), 2);
        var ytdInterest = ytdCount == 0 ? 0m : (s.PrincipalAndInterest * ytdCount) - ytdPrincipal;
        var ytdEscrow = s.EscrowPart * ytdCount;
        var ytdFees = 0m;
        string Row(string label, decimal last, decimal ytd) => Pad(label, 34) + Plain(last).PadLeft(17) + Plain(ytd).PadLeft(20);
        return Lines(
            "PAST PAYMENTS BREAKDOWN",
            Pad("", 34) + "Paid Last Month".PadLeft(17) + "Paid Year to Date".PadLeft(20),
            Row("Principal", lastPrincipal, ytdPrincipal),
            Row("Interest", lastInterest, ytdInterest),
            Row("Escrow (Taxes and Insurance)", lastEscrow, ytdEscrow),
            Row("Fees", 0m, ytdFees),
            Row("Partial Payment (Unapplied)", s.Partial, s.Partial),
            Row("Total", lastPrincipal + lastInterest + lastEscrow + s.Partial, ytdPrincipal + ytdInterest + ytdEscrow + ytdFees + s.Partial));
    }

    private static string Transactions(Draw draw, Statement s, DateOnly asOf, Func<DateOnly, string> dt)
    {
        var activity = new List<(DateOnly On, string Line)>();
        if (!s.Delinquent)
        {
            var paid = s.PreviousDue.AddDays(draw.Next(-4, 1 + Math.Min(9, asOf.Day - 1)));
            activity.Add((paid, paid.ToString("MM/dd", Inv) + "     " + "Payment Received - Thank You".PadRight(46) + "".PadLeft(7) + Usd(s.Regular + s.Partial).PadLeft(16)));
        }
        else
        {
            var lateDay = s.PreviousDue.AddDays(15) <= asOf ? s.PreviousDue.AddDays(15) : asOf;
            activity.Add((lateDay, lateDay.ToString("MM/dd", Inv) + "     " + "Late Charge".PadRight(46) + Usd(s.LateFee).PadLeft(7)));
        }

        if (draw.OneIn(3))
        {
            var disbursed = s.PreviousDue.AddDays(draw.Next(0, Math.Max(1, asOf.Day)));
            var what = draw.Pick("Escrow Disbursement - County Tax", "Escrow Disbursement - Hazard Ins", "Escrow Disbursement - Flood Ins", "Escrow Disbursement - School Tax");
            activity.Add((disbursed, disbursed.ToString("MM/dd", Inv) + "     " + what.PadRight(46) + Plain(draw.Amount(480m, 5_200m)).PadLeft(9)));
        }

        return Lines(
            "TRANSACTION ACTIVITY (" + dt(asOf.AddMonths(-1).AddDays(1)) + " to " + dt(asOf) + ")",
            "Date      Description                                   Charges        Payments",
            string.Join("\n", activity.OrderBy(a => a.On).Select(a => a.Line)));
    }

    private static string Delinquency(Statement s, DateOnly asOf, Func<DateOnly, string> dt) => Lines(
        "** DELINQUENCY NOTICE **",
        $"You are late on your mortgage payments. Failure to bring your loan current may result in fees and foreclosure -- the loss of your home. As of {dt(asOf)}, you are {(asOf.DayNumber - s.PreviousDue.DayNumber).ToString(Inv)} days delinquent on your mortgage loan.",
        "Recent Account History",
        $"- Payment due {s.PreviousDue.AddMonths(-2).ToString("MM/dd/yy", Inv)}: Fully paid on time",
        $"- Payment due {s.PreviousDue.AddMonths(-1).ToString("MM/dd/yy", Inv)}: Fully paid on time",
        $"- Payment due {s.PreviousDue.ToString("MM/dd/yy", Inv)}: Unpaid balance of {Usd(s.Regular)}",
        $"- Current payment due {s.Due.ToString("MM/dd/yy", Inv)}: {Usd(s.Regular)}",
        $"- Total: {Usd(s.TotalDue)} due. You must pay this amount to bring your loan to current.",
        "If you are experiencing financial difficulty, see below for mortgage counseling or assistance.");

    private static string Header(Draw draw, Statement s, DateOnly asOf, Func<DateOnly, string> dt)
    {
        var phone = TollFree(draw);
        var (street, cityStateZip) = Address(draw);
        return Lines(
            s.Servicer.ToUpperInvariant(),
            $"Customer Service: {phone}   Mon-Fri 8:00 a.m. - 9:00 p.m. ET, Sat 8:00 a.m. - 2:00 p.m. ET",
            $"www.{Slug(s.Servicer)}.com        NMLS ID #{draw.Next(1000, 999_999).ToString(Inv)}",
            "",
            "MORTGAGE STATEMENT",
            $"Statement Date: {dt(asOf)}",
            "",
            s.Borrower.ToUpperInvariant(),
            street.ToUpperInvariant(),
            cityStateZip.ToUpperInvariant(),
            "",
            $"{draw.Pick("Account Number", "Loan Number", "Loan #")}: {s.LoanNumber}",
            $"Payment Due Date: {dt(s.Due)}",
            $"Amount Due: {Usd(s.TotalDue)}",
            $"If payment is received after {dt(s.Due.AddDays(15))}, a {Usd(s.LateFee)} late fee will be charged.",
            $"Property Address: {street}, {cityStateZip}");
    }

    private static string Messages(Draw draw, string servicer, string? escrowMessage) => Lines(
        "IMPORTANT MESSAGES",
        "Partial Payments: Any partial payments that you make are not applied to your mortgage, but instead are held in a separate suspense account. "
            + "If you pay the balance of a partial payment, the funds will then be applied to your mortgage.",
        escrowMessage,
        $"Send payments to: {servicer}, P.O. Box {draw.Next(1000, 99_999).ToString(Inv)}, {draw.Pick("Dallas, TX 75266", "Louisville, KY 40290", "Phoenix, AZ 85062", "Pittsburgh, PA 15264")}-{draw.Next(1000, 9999).ToString(Inv)}",
        "Mortgage Counseling: If you would like counseling or assistance, you can contact the U.S. Department of Housing and Urban Development (HUD). "
            + "For a list of homeownership counselors or counseling organizations in your area, call 800-569-4287 or go to www.hud.gov/counseling.");

    private static string Coupon(Statement s) => Lines(
        "- - - - - - - - - - - - - - - Please detach and return this portion with your payment - - - - - - - - - - - - - - -",
        s.Servicer,
        $"Loan Number {s.LoanNumber}      Payment Due Date {s.Due.ToString("MM/dd/yyyy", Inv)}",
        $"Amount Due {Usd(s.TotalDue)}      Amount Due after {s.Due.AddDays(15).ToString("MM/dd/yyyy", Inv)}: {Usd(s.TotalDue + s.LateFee)}",
        "Additional Principal $__________   Additional Escrow $__________   Total Amount Enclosed $__________");
}
