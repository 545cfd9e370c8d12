using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.Blind3.Blind3Draws;
using static Extraction.Tooling.Generation.Kit.Formatting;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.Blind3;

internal static class MortgageCfpbPeriodicStatement
{
    public static DocumentFamily Family { get; } = new("mortgage-cfpb-periodic-statement", FamilySet.HeldOut, 10, "Mortgage servicer monthly statement in the CFPB model layout: amount-due box, explanation of amount due, past payments breakdown, transaction activity, delinquency notice, coupon", Write);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var servicer = draw.Pick("Harborline Mortgage Servicing", "Prairie Home Loan Services, LLC", "Cedar Ridge Mortgage Company",
            "Summit Lakes Home Finance", "Old Dominion Loan Servicing, Inc.", "Bayfront Federal Savings Bank");
        var borrower = Person(draw);
        var last4 = draw.Last4();
        var loanNumber = Digits(draw, 6) + last4;
        var principal = draw.Amount(78_000m, 690_000m);
        var rate = Math.Round(draw.Rate(2.5m, 7.75m) * 8m, 0) / 8m;
        var pi = Installment(principal, rate, draw.Next(150, 349));
        var interestPart = Math.Round(principal * rate / 1200m, 2);
        var principalPart = pi - interestPart;
        var escrowPart = draw.Amount(160m, 1_050m);
        var regular = pi + escrowPart;
        var due = FirstOfNextMonth(asOf);
        var prevDue = due.AddMonths(-1);
        var lateFee = Math.Round(pi * 0.05m, 2);
        var delinquent = asOf.Day >= 17 && draw.OneIn(4);
        var overdue = delinquent ? regular : 0m;
        var fees = delinquent ? lateFee : 0m;
        var totalDue = regular + overdue + fees;
        var partial = !delinquent && draw.OneIn(5) ? draw.Amount(25m, 400m) : 0m;

        var df = draw.Pick("MM/dd/yyyy", "MMMM d, yyyy", "MMM d, yyyy", "M/d/yyyy");
        string Dt(DateOnly d) => d.ToString(df, Inv);
        var dollars = draw.OneIn(3) ? (Func<decimal, string>)Plain : Usd;

        // Escrow: not shown, a deficit, or a positive balance (sometimes beside a projected shortage from the analysis).
        decimal? escrowGold = null;
        string? escrowLine = null;
        string? escrowMessage = null;
        var escrowMode = draw.Next(6);
        if (escrowMode == 1)
        {
            var deficit = draw.Amount(140m, 2_400m);
            escrowGold = -deficit;
            escrowLine = Pad("Escrow Balance", 34) + draw.Pick("-" + Usd(deficit), "(" + Usd(deficit) + ")", Usd(deficit) + " DEFICIT");
            escrowMessage = $"Escrow Deficit: Your escrow account has a negative balance of {Usd(deficit)} because disbursements for taxes and insurance exceeded the funds held. "
                + "We advanced the difference on your behalf. Your next escrow analysis will show how this amount will be repaid.";
        }
        else if (escrowMode >= 2)
        {
            var balance = draw.Amount(250m, 7_800m);
            escrowGold = balance;
            var label = draw.Pick("Escrow Balance", "Escrow Account Balance", "Current Escrow Balance");
            escrowLine = Pad(label, 34) + Usd(balance);
            if (draw.OneIn(4))
            {
                var shortage = draw.Amount(120m, 1_500m);
                escrowMessage = $"Escrow Analysis: Your annual escrow analysis projected a shortage of {Usd(shortage)}. It is being collected over 12 months "
                    + $"({Usd(Math.Round(shortage / 12m, 2))} per month) and is included in the escrow portion of your payment.";
            }
        }

        var principalLabel = draw.Pick("Outstanding Principal", "Unpaid Principal Balance", "Principal Balance", "Outstanding Principal Balance*");
        var rateLabel = draw.OneIn(4)
            ? $"Interest Rate (until {due.AddMonths(draw.Next(8, 40)).ToString("MM/yyyy", Inv)})"
            : draw.Pick("Interest Rate", "Current Interest Rate");
        var maturity = new DateOnly(due.Year + draw.Next(12, 29), due.Month, 1);
        var rateText = draw.OneIn(2) ? rate.ToString("0.000", Inv) + "%" : rate.ToString("0.00000", Inv) + "%";

        var accountInfo = Lines(
            "ACCOUNT INFORMATION",
            Pad(principalLabel, 34) + Usd(principal),
            Pad(rateLabel, 34) + rateText,
            escrowLine,
            Pad("Prepayment Penalty", 34) + "No",
            draw.OneIn(2) ? Pad("Maturity Date", 34) + Dt(maturity) : null,
            partial > 0 ? Pad("Unapplied Funds (Suspense)", 34) + Usd(partial) : null,
            principalLabel.EndsWith('*') ? "*This is not your payoff amount. Call us or visit our website for a payoff quote." : null);

        var regularLabel = draw.Pick("Regular Monthly Payment", "Regular Payment", "Monthly Payment (Principal, Interest & Escrow)");
        var explanation = Lines(
            "EXPLANATION OF AMOUNT DUE",
            Pad("Principal", 40) + dollars(principalPart),
            Pad("Interest", 40) + dollars(interestPart),
            Pad("Escrow (for Taxes and Insurance)", 40) + dollars(escrowPart),
            Pad(regularLabel, 40) + dollars(regular),
            Pad("Total Fees Charged", 40) + dollars(fees),
            delinquent ? Pad("Overdue Payment", 40) + dollars(overdue) : null,
            Pad("Total Amount Due", 40) + dollars(totalDue));

        // Past payments: last month's split, and the year so far.
        var paidMonths = Math.Max(1, asOf.Month - 1);
        var prevInterest = Math.Round((principal + principalPart) * rate / 1200m, 2);
        var prevPrincipal = pi - prevInterest;
        var lastPrincipal = delinquent ? 0m : prevPrincipal;
        var lastInterest = delinquent ? 0m : prevInterest;
        var lastEscrow = delinquent ? 0m : escrowPart;
        var ytdCount = delinquent ? paidMonths - 1 : paidMonths;
        var ytdPrincipal = ytdCount == 0 ? 0m : (prevPrincipal * ytdCount) - Math.Round(0.0045m * prevPrincipal * ytdCount * (ytdCount - 1), 2);
        var ytdInterest = ytdCount == 0 ? 0m : (pi * ytdCount) - ytdPrincipal;
        var ytdEscrow = escrowPart * ytdCount;
        var ytdFees = 0m;
        string Row(string label, decimal last, decimal ytd) => Pad(label, 34) + Plain(last).PadLeft(17) + Plain(ytd).PadLeft(20);
        var past = Lines(
            "PAST PAYMENTS BREAKDOWN",
            Pad("", 34) + "Paid Last Month".PadLeft(17) + "Paid Year to Date".PadLeft(20),
            Row("Principal", lastPrincipal, ytdPrincipal),
            Row("Interest", lastInterest, ytdInterest),
            Row("Escrow (Taxes and Insurance)", lastEscrow, ytdEscrow),
            Row("Fees", 0m, ytdFees),
            Row("Partial Payment (Unapplied)", partial, partial),
            Row("Total", lastPrincipal + lastInterest + lastEscrow + partial, ytdPrincipal + ytdInterest + ytdEscrow + ytdFees + partial));

        var activity = new List<(DateOnly On, string Line)>();
        if (!delinquent)
        {
            var paid = prevDue.AddDays(draw.Next(-4, 1 + Math.Min(9, asOf.Day - 1)));
            activity.Add((paid, paid.ToString("MM/dd", Inv) + "     " + "Payment Received - Thank You".PadRight(46) + "".PadLeft(7) + Usd(regular + partial).PadLeft(16)));
        }
        else
        {
            var lateDay = prevDue.AddDays(15) <= asOf ? prevDue.AddDays(15) : asOf;
            activity.Add((lateDay, lateDay.ToString("MM/dd", Inv) + "     " + "Late Charge".PadRight(46) + Usd(lateFee).PadLeft(7)));
        }

        if (draw.OneIn(3))
        {
            var disbursed = prevDue.AddDays(draw.Next(0, Math.Max(1, asOf.Day)));
            var what = draw.Pick("Escrow Disbursement - County Tax", "Escrow Disbursement - Hazard Ins", "Escrow Disbursement - Flood Ins", "Escrow Disbursement - School Tax");
            activity.Add((disbursed, disbursed.ToString("MM/dd", Inv) + "     " + what.PadRight(46) + Plain(draw.Amount(480m, 5_200m)).PadLeft(9)));
        }

        var transactions = Lines(
            "TRANSACTION ACTIVITY (" + Dt(asOf.AddMonths(-1).AddDays(1)) + " to " + Dt(asOf) + ")",
            "Date      Description                                   Charges        Payments",
            string.Join("\n", activity.OrderBy(a => a.On).Select(a => a.Line)));

        var days = asOf.DayNumber - prevDue.DayNumber;
        var delinquency = delinquent
            ? Lines(
                "** DELINQUENCY NOTICE **",
                $"You are late on your mortgage payments. Failure to bring your loan current may result in fees and foreclosure -- the loss of your home. As of {Dt(asOf)}, you are {days.ToString(Inv)} days delinquent on your mortgage loan.",
                "Recent Account History",
                $"- Payment due {prevDue.AddMonths(-2).ToString("MM/dd/yy", Inv)}: Fully paid on time",
                $"- Payment due {prevDue.AddMonths(-1).ToString("MM/dd/yy", Inv)}: Fully paid on time",
                $"- Payment due {prevDue.ToString("MM/dd/yy", Inv)}: Unpaid balance of {Usd(regular)}",
                $"- Current payment due {due.ToString("MM/dd/yy", Inv)}: {Usd(regular)}",
                $"- Total: {Usd(totalDue)} due. You must pay this amount to bring your loan to current.",
                "If you are experiencing financial difficulty, see below for mortgage counseling or assistance.")
            : null;

        var phone = TollFree(draw);
        var (street, cityStateZip) = Address(draw);
        var header = Lines(
            servicer.ToUpperInvariant(),
            $"Customer Service: {phone}   Mon-Fri 8:00 a.m. - 9:00 p.m. ET, Sat 8:00 a.m. - 2:00 p.m. ET",
            $"www.{Slug(servicer)}.com        NMLS ID #{draw.Next(1000, 999_999).ToString(Inv)}",
            "",
            "MORTGAGE STATEMENT",
            $"Statement Date: {Dt(asOf)}",
            "",
            borrower.ToUpperInvariant(),
            street.ToUpperInvariant(),
            cityStateZip.ToUpperInvariant(),
            "",
            $"{draw.Pick("Account Number", "Loan Number", "Loan #")}: {loanNumber}",
            $"Payment Due Date: {Dt(due)}",
            $"Amount Due: {Usd(totalDue)}",
            $"If payment is received after {Dt(due.AddDays(15))}, a {Usd(lateFee)} late fee will be charged.",
            $"Property Address: {street}, {cityStateZip}");

        var messages = Lines(
            "IMPORTANT MESSAGES",
            "Partial Payments: Any partial payments that you make are not applied to your mortgage, but instead are held in a separate suspense account. "
                + "If you pay the balance of a partial payment, the funds will then be applied to your mortgage.",
            escrowMessage,
            $"Send payments to: {servicer}, P.O. Box {draw.Next(1000, 99_999).ToString(Inv)}, {draw.Pick("Dallas, TX 75266", "Louisville, KY 40290", "Phoenix, AZ 85062", "Pittsburgh, PA 15264")}-{draw.Next(1000, 9999).ToString(Inv)}",
            "Mortgage Counseling: If you would like counseling or assistance, you can contact the U.S. Department of Housing and Urban Development (HUD). "
                + "For a list of homeownership counselors or counseling organizations in your area, call 800-569-4287 or go to www.hud.gov/counseling.");

        var coupon = Lines(
            "- - - - - - - - - - - - - - - Please detach and return this portion with your payment - - - - - - - - - - - - - - -",
            servicer,
            $"Loan Number {loanNumber}      Payment Due Date {due.ToString("MM/dd/yyyy", Inv)}",
            $"Amount Due {Usd(totalDue)}      Amount Due after {due.AddDays(15).ToString("MM/dd/yyyy", Inv)}: {Usd(totalDue + lateFee)}",
            "Additional Principal $__________   Additional Escrow $__________   Total Amount Enclosed $__________");

        var text = draw.OneIn(2)
            ? Lines(header, "", accountInfo, "", explanation, "", past, "", delinquency, delinquency is null ? null : "", transactions, "", messages, "", coupon)
            : Lines(header, "", explanation, "", accountInfo, "", transactions, "", past, "", delinquency, delinquency is null ? null : "", messages, "", coupon);

        return new(LiabilityType.Mortgage, SourceKind.Statement, servicer, text, new ExtractedFields
        {
            PrincipalBalance = principal,
            EscrowBalance = escrowGold,
            NextPaymentAmount = regular,
            NextPaymentDueDate = due,
            InterestRatePct = rate,
            AccountLast4 = last4,
        });
    }
}
