using System.Globalization;
using Extraction.Core.Contracts;

namespace Extraction.Tooling.Generation;

/// <summary>
/// The third held-out set: six families written blind, by someone who had not read the rules extractor,
/// the plausibility checks, the other families or the quality notes, from what real US servicers, card
/// issuers, captive lenders and their agents put on paper, fax, phone and secure message. They are
/// measured only: nothing in the product may be tuned to them one by one.
/// </summary>
internal static class ThirdHeldOutFamilies
{
    public static IEnumerable<DocumentFamily> All =>
    [
        new("mortgage-cfpb-periodic-statement", FamilySet.HeldOut, 10,
            "Mortgage servicer monthly statement in the CFPB model layout: amount-due box, explanation of amount due, past payments breakdown, transaction activity, delinquency notice, coupon", MortgagePeriodicStatement),
        new("card-ivr-menu-then-agent", FamilySet.HeldOut, 10,
            "Credit card phone call: the automated voice reads balances (figures, words, 'twelve hundred'), menu presses, then an agent or a self-service payment", CardIvrCall),
        new("auto-captive-payoff-fax", FamilySet.HeldOut, 10,
            "Captive auto finance 10-day payoff quotation sent to a dealer by fax: cover sheet, mainframe dates, trailing-minus credits, daily interest, wire instructions", CaptiveAutoPayoffFax),
        new("student-private-loan-statement", FamilySet.HeldOut, 10,
            "Private student loan statement or statement-ready e-mail: one loan with several disbursements, or several loans under one account with a totals row", PrivateStudentLoanStatement),
        new("personal-loan-secure-message-thread", FamilySet.HeldOut, 10,
            "Personal loan payoff asked by secure message: the agent quotes in prose, then corrects or re-quotes; thread shown oldest- or newest-first", PersonalLoanSecureThread),
        new("mortgage-servicing-transfer-welcome", FamilySet.HeldOut, 10,
            "New servicer's RESPA notice of servicing transfer / welcome letter: old and new loan numbers, transfer dates, first payment to the new servicer", MortgageServicingTransferLetter),
    ];

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    // ---------------------------------------------------------------------------------------------
    // 1. Mortgage periodic statement (CFPB model form)
    // ---------------------------------------------------------------------------------------------

    private static SyntheticDocument MortgagePeriodicStatement(Draw draw, TextFormats format, DateOnly asOf)
    {
        var servicer = draw.Pick("Harborline Mortgage Servicing", "Prairie Home Loan Services, LLC", "Cedar Ridge Mortgage Company",
            "Summit Lakes Home Finance", "Old Dominion Loan Servicing, Inc.", "Bayfront Federal Savings Bank");
        var borrower = Person(draw);
        var last4 = draw.Last4();
        var loanNumber = Digits(draw, 6) + last4;
        var principal = draw.Amount(78_000m, 690_000m);
        var rate = Math.Round(draw.Rate(2.5m, 7.75m) * 8m, 0) / 8m;
        var pi = Amortized(principal, rate, draw.Next(150, 349));
        var interestPart = Math.Round(principal * rate / 1200m, 2);
        var principalPart = pi - interestPart;
        var escrowPart = draw.Amount(160m, 1_050m);
        var regular = pi + escrowPart;
        var due = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(1);
        var prevDue = due.AddMonths(-1);
        var lateFee = Math.Round(pi * 0.05m, 2);
        var delinquent = asOf.Day >= 17 && draw.OneIn(4);
        var overdue = delinquent ? regular : 0m;
        var fees = delinquent ? lateFee : 0m;
        var totalDue = regular + overdue + fees;
        var partial = !delinquent && draw.OneIn(5) ? draw.Amount(25m, 400m) : 0m;

        var df = draw.Pick("MM/dd/yyyy", "MMMM d, yyyy", "MMM d, yyyy", "M/d/yyyy");
        string Dt(DateOnly d) => d.ToString(df, Inv);
        var dollars = draw.OneIn(3) ? (Func<decimal, string>)Num : Usd;

        // Escrow: not shown, a deficit, or a positive balance (sometimes beside a projected shortage from the analysis).
        decimal? escrowGold = null;
        string? escrowLine = null;
        string? escrowMessage = null;
        var escrowMode = draw.Next(6);
        if (escrowMode == 1)
        {
            var deficit = draw.Amount(140m, 2_400m);
            escrowGold = -deficit;
            escrowLine = "Escrow Balance" + Pad("Escrow Balance", 34) + draw.Pick("-" + Usd(deficit), "(" + Usd(deficit) + ")", Usd(deficit) + " DEFICIT");
            escrowMessage = $"Escrow Deficit: Your escrow account has a negative balance of {Usd(deficit)} because disbursements for taxes and insurance exceeded the funds held. "
                + "We advanced the difference on your behalf. Your next escrow analysis will show how this amount will be repaid.";
        }
        else if (escrowMode >= 2)
        {
            var balance = draw.Amount(250m, 7_800m);
            escrowGold = balance;
            var label = draw.Pick("Escrow Balance", "Escrow Account Balance", "Current Escrow Balance");
            escrowLine = label + Pad(label, 34) + Usd(balance);
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
            principalLabel + Pad(principalLabel, 34) + Usd(principal),
            rateLabel + Pad(rateLabel, 34) + rateText,
            escrowLine,
            "Prepayment Penalty" + Pad("Prepayment Penalty", 34) + "No",
            draw.OneIn(2) ? "Maturity Date" + Pad("Maturity Date", 34) + Dt(maturity) : null,
            partial > 0 ? "Unapplied Funds (Suspense)" + Pad("Unapplied Funds (Suspense)", 34) + Usd(partial) : null,
            principalLabel.EndsWith('*') ? "*This is not your payoff amount. Call us or visit our website for a payoff quote." : null);

        var regularLabel = draw.Pick("Regular Monthly Payment", "Regular Payment", "Monthly Payment (Principal, Interest & Escrow)");
        var explanation = Lines(
            "EXPLANATION OF AMOUNT DUE",
            "Principal" + Pad("Principal", 40) + dollars(principalPart),
            "Interest" + Pad("Interest", 40) + dollars(interestPart),
            "Escrow (for Taxes and Insurance)" + Pad("Escrow (for Taxes and Insurance)", 40) + dollars(escrowPart),
            regularLabel + Pad(regularLabel, 40) + dollars(regular),
            "Total Fees Charged" + Pad("Total Fees Charged", 40) + dollars(fees),
            delinquent ? "Overdue Payment" + Pad("Overdue Payment", 40) + dollars(overdue) : null,
            "Total Amount Due" + Pad("Total Amount Due", 40) + dollars(totalDue));

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
        string Row(string label, decimal last, decimal ytd) => label + Pad(label, 34) + Num(last).PadLeft(17) + Num(ytd).PadLeft(20);
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
            activity.Add((disbursed, disbursed.ToString("MM/dd", Inv) + "     " + what.PadRight(46) + Num(draw.Amount(480m, 5_200m)).PadLeft(9)));
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

    // ---------------------------------------------------------------------------------------------
    // 2. Credit card IVR, then an agent or a self-service payment
    // ---------------------------------------------------------------------------------------------

    private static readonly decimal[] CardLimits = [1_000m, 1_500m, 2_000m, 2_500m, 3_000m, 4_000m, 5_000m, 6_500m, 7_500m, 8_000m, 10_000m, 12_500m, 15_000m, 20_000m, 25_000m];

    private static SyntheticDocument CardIvrCall(Draw draw, TextFormats format, DateOnly asOf)
    {
        var issuer = draw.Pick("Bluewater Card Services", "Meridian Bank Card Center", "Northstar Rewards Visa", "Crestmark Platinum Mastercard",
            "Heartland Community Credit Union", "Goldleaf Cash Back Card");
        var shortName = issuer.Split(' ')[0];
        var last4 = draw.Last4();
        var limit = CardLimits[draw.Next(CardLimits.Length)];
        var apr = draw.Next(15, 30) + PickOf(draw, 0.24m, 0.49m, 0.74m, 0.99m);
        var cashApr = Math.Min(35.99m, apr + draw.Next(3, 8));
        var statement = draw.Amount(limit * 0.06m, limit * 0.97m);
        var interestCharged = Math.Round(statement * apr / 1200m, 2);
        var minimum = statement <= 35m ? statement : Math.Max(35m, Math.Round((statement * 0.01m) + interestCharged, 2));
        var due = asOf.AddDays(draw.Next(4, 26));
        var closing = due.AddDays(-25);
        var lastPayment = draw.OneIn(2) ? Math.Round(draw.Amount(minimum, minimum * 4m), 0) : draw.Amount(minimum, minimum * 3m);
        var lastPaymentDate = closing.AddDays(-draw.Next(3, 20));
        var since = draw.Amount(0m, Math.Max(0m, Math.Min(limit * 0.05m, limit - statement - 10m)));
        var current = statement + since;
        var available = limit - current;
        var ssn4 = OtherFour(draw, last4);
        var checking4 = OtherFour(draw, last4);
        var zip = Zip(draw);
        var caller = Person(draw);
        var agent = draw.Pick("Keisha", "Marco", "Danielle", "Priya", "Trevor", "Alyssa", "Jamal");

        var stamps = draw.OneIn(2);
        var clock = new TimeOnly(draw.Next(8, 21), draw.Next(0, 60), draw.Next(0, 60));
        var lines = new List<string>();
        void Say(string who, string what)
        {
            var stamp = stamps ? "[" + clock.ToString("HH:mm:ss", Inv) + "] " : "";
            lines.Add(stamp + who + ": " + what);
            clock = clock.Add(TimeSpan.FromSeconds(draw.Next(3, 19)));
        }

        var ivr = draw.Pick("IVR", "SYSTEM", "AUTOMATED", "VRU");
        var callerTag = draw.Pick("CALLER", "CUSTOMER", "CX");
        lines.Add(draw.Pick("Call recording transcript", "Inbound call - speech analytics transcript", "Call ID " + Digits(draw, 10) + " transcript")
            + " - " + asOf.ToString(draw.Pick("yyyy-MM-dd", "MM/dd/yyyy"), Inv));
        lines.Add("");
        Say(ivr, $"Thank you for calling {issuer}. This call may be monitored or recorded for quality purposes.");
        Say(ivr, "Please enter or say your 16-digit card number, followed by the pound key.");
        Say(callerTag, "<DTMF ################>");
        if (draw.OneIn(2))
        {
            Say(ivr, "For your security, please enter the last four digits of the primary cardholder's Social Security number.");
            Say(callerTag, "<DTMF ####>");
        }
        else
        {
            Say(ivr, "To verify your identity, please enter your 5-digit billing ZIP code.");
            Say(callerTag, "<DTMF #####>");
        }

        Say(ivr, $"Thank you. {draw.Pick("For the card ending in", "You are calling about the account ending in", "For your account ending")} {SaidDigits(draw, last4)}.");

        var readOrder = draw.Next(2);
        var statementSaid = SaidMoney(draw, statement);
        var currentLine = $"Your current balance is {SaidMoney(draw, current)}.";
        var statementLine = draw.Pick(
            $"Your statement balance is {statementSaid}.",
            $"Your last statement balance was {statementSaid}.",
            $"Your new balance as of your last statement is {statementSaid}.");
        var minimumLine = draw.Pick(
            $"Your minimum payment of {SaidMoney(draw, minimum)} is due on {SaidDate(draw, due)}.",
            $"Your minimum payment due is {SaidMoney(draw, minimum)}. Your payment due date is {SaidDate(draw, due)}.",
            $"A minimum payment of {SaidMoney(draw, minimum)} is due by {SaidDate(draw, due)}.");
        var availableLine = $"Your available credit is {SaidMoney(draw, Math.Max(0m, available))}.";
        var lastPaymentLine = $"Your last payment of {SaidMoney(draw, lastPayment)} was received on {SaidDate(draw, lastPaymentDate)}.";
        if (readOrder == 0)
        {
            Say(ivr, currentLine + " " + availableLine);
            Say(ivr, statementLine + " " + minimumLine);
            Say(ivr, lastPaymentLine);
        }
        else
        {
            Say(ivr, statementLine + " " + minimumLine);
            Say(ivr, lastPaymentLine + " " + currentLine);
            Say(ivr, availableLine);
        }

        Say(ivr, "To make a payment, press 1. To hear recent transactions, press 2. To report a lost or stolen card, press 3. For all other questions, press 0. To hear these options again, press 9.");

        decimal? limitGold = null;
        decimal? rateGold = null;
        if (draw.OneIn(4))
        {
            // Self-service payment: the caller pays by keypad and never reaches an agent.
            var amount = Math.Round(draw.Amount(minimum, Math.Max(minimum, statement)), 0);
            var on = asOf.AddDays(draw.Next(0, Math.Max(1, due.DayNumber - asOf.DayNumber)));
            Say(callerTag, "<DTMF 1>");
            Say(ivr, $"To pay the minimum payment of {SaidMoney(draw, minimum)}, press 1. To pay the statement balance, press 2. To pay the current balance, press 3. To enter a different amount, press 4.");
            Say(callerTag, "<DTMF 4>");
            Say(ivr, "Please enter the payment amount in dollars and cents, followed by the pound key.");
            Say(callerTag, "<DTMF " + string.Join(" ", (amount * 100m).ToString("0", Inv).ToCharArray()) + " #>");
            Say(ivr, $"You entered {SaidMoney(draw, amount)}. This payment will be made from your checking account ending in {SaidDigits(draw, checking4)} on {SaidDate(draw, on)}. To confirm, press 1.");
            Say(callerTag, "<DTMF 1>");
            Say(ivr, $"Thank you. Your confirmation number is {string.Join(" ", Digits(draw, 8).ToCharArray())}. Please allow up to 24 hours for your available credit to update. Goodbye.");
        }
        else
        {
            Say(callerTag, "<DTMF 0>");
            Say(ivr, "Please hold while we transfer your call to the next available representative.");
            lines.Add(draw.Pick("[hold music 00:02:41]", "[transfer]", "(on hold)"));
            Say("AGENT", $"Thank you for calling {shortName}, my name is {agent}. Who do I have the pleasure of speaking with?");
            Say(callerTag, $"Hi, this is {caller}.");
            Say("AGENT", $"Thanks, {caller.Split(' ')[0]}. Just to verify, can I get the billing ZIP code and the last four of your social?");
            Say(callerTag, $"Sure, ZIP is {SaidZip(draw, zip)}, and the last four is {SaidDigits(draw, ssn4)}.");
            Say("AGENT", "Thank you, you're verified. What can I help you with today?");

            var askLimit = !draw.OneIn(5);
            Say(callerTag, askLimit
                ? "I wanted to know what my interest rate is, and what my credit limit is. I might do a balance transfer."
                : "I just wanted to check my interest rate, I got charged interest last month.");
            var limitWords = draw.OneIn(3) ? WholeWords((long)limit, hyphen: true, hundreds: false) + " dollars" : Usd(limit).Replace(".00", "", StringComparison.Ordinal);
            var rateWords = draw.OneIn(3)
                ? apr.ToString("0.00", Inv) + " percent"
                : apr.ToString("0.00", Inv) + "%";
            Say("AGENT", $"Sure. Your purchase APR right now is {rateWords}, and cash advances are at {cashApr.ToString("0.00", Inv)}%."
                + (askLimit ? $" Your {draw.Pick("credit limit", "total credit line", "credit line")} is {limitWords}." : ""));
            limitGold = askLimit ? limit : null;
            rateGold = apr;
            if (askLimit && draw.OneIn(2))
            {
                var wish = limit + CardLimits[draw.Next(3)];
                Say(callerTag, $"Any chance you could bump that up to {Usd(wish).Replace(".00", "", StringComparison.Ordinal)}?");
                Say("AGENT", "I can submit a request, but that would need a review and it could involve a credit inquiry. You'd get a decision in writing within about 7 to 10 days.");
                Say(callerTag, "Let's hold off on that.");
            }

            Say(callerTag, "And if I pay the statement amount I won't get charged interest again?");
            Say("AGENT", draw.Pick(
                $"Correct. Your statement closed on {SaidDate(draw, closing)}, so if you pay the statement balance of {SaidMoney(draw, statement)} by {SaidDate(draw, due)}, you won't pay interest on purchases.",
                $"Right, if you pay the full statement balance by the due date, {SaidDate(draw, due)}, there's no interest on new purchases. That's the {SaidMoney(draw, statement)}, not the current balance."));
            if (draw.OneIn(2))
            {
                Say(callerTag, $"Okay. Can you just take {Usd(Math.Round(minimum * 2m, 0))} from my checking, the one ending {checking4}?");
                Say("AGENT", $"Done, that's scheduled for {SaidDate(draw, asOf.AddDays(1))}. Your confirmation number is {Digits(draw, 3)}-{Digits(draw, 6)}.");
            }

            Say("AGENT", $"Is there anything else I can help you with? ... Thank you for being a {shortName} cardmember, have a great day.");
        }

        return new(LiabilityType.CreditCard, SourceKind.CallTranscript, issuer, string.Join("\n", lines), new ExtractedFields
        {
            StatementBalance = statement,
            MinimumPayment = minimum,
            NextPaymentDueDate = due,
            InterestRatePct = rateGold,
            CreditLimit = limitGold,
            AccountLast4 = last4,
        });
    }

    // ---------------------------------------------------------------------------------------------
    // 3. Captive auto lender 10-day payoff quote, faxed to a dealer
    // ---------------------------------------------------------------------------------------------

    private static SyntheticDocument CaptiveAutoPayoffFax(Draw draw, TextFormats format, DateOnly asOf)
    {
        var (lender, brand, models) = draw.Next(5) switch
        {
            0 => ("Kestrel Motor Credit Corporation", "KESTREL", new[] { "SUMMIT LX", "RIDGELINE 4WD", "200 SE" }),
            1 => ("Arden Automotive Financial Services", "ARDEN", new[] { "AVENTA SPORT", "ARDEN T-40 CREW CAB", "ARDEN MERIT HYBRID" }),
            2 => ("Tamarack Motor Acceptance Corp.", "TAMARACK", new[] { "TRAILHAWK AWD", "TAMARACK CITY EX" }),
            3 => ("Vireo Financial Services", "VIREO", new[] { "CROSSBACK SE", "VIREO 3 TOURING", "VIREO E-TERRA" }),
            _ => ("Solano Auto Finance LLC", "SOLANO", new[] { "MESA XLE", "SOLANO PRIMA", "SOLANO VANTAGE V6" }),
        };
        var last4 = draw.Last4();
        var dashed = draw.OneIn(2);
        var head = Digits(draw, 8);
        var account = dashed ? head[..4] + "-" + head[4..] + "-" + last4 : head + last4;
        var principal = draw.Amount(4_800m, 58_000m);
        var rate = draw.OneIn(3) ? PickOf(draw, 0.9m, 1.9m, 2.9m, 3.9m, 4.9m) : Math.Round(draw.Rate(5.49m, 17.99m), 2);
        var perDiem = Math.Round(principal * rate / 100m / 365m, 2);
        var goodThrough = asOf.AddDays(PickOf(draw, 10, 10, 10, 9, 12, 14));
        var paidTo = asOf.AddDays(-draw.Next(2, 28));
        var accrued = perDiem * (goodThrough.DayNumber - paidTo.DayNumber);
        var late = draw.OneIn(4) ? PickOf(draw, 15m, 25m, 35m, 5m * draw.Next(3, 8)) : 0m;
        var titleFee = draw.OneIn(2) ? PickOf(draw, 15m, 20m, 25m, 7.5m) : 0m;
        var room = accrued + late + titleFee;
        var credit = room > 20m && draw.OneIn(2) ? draw.Amount(5m, room - 1m) : 0m;
        var payoff = principal + accrued + late + titleFee - credit;
        var payment = Amortized(principal, rate, draw.Next(24, 67));
        var nextDue = paidTo.AddMonths(1);

        var showNext = draw.OneIn(2);
        var showRate = !draw.OneIn(4);

        string Dt(DateOnly d) => draw.Next(4) switch
        {
            0 => d.ToString("dd-MMM-yyyy", Inv).ToUpperInvariant(),
            1 => d.ToString("MM/dd/yy", Inv),
            2 => d.ToString("MMM dd yyyy", Inv).ToUpperInvariant(),
            _ => d.ToString("MM/dd/yyyy", Inv),
        };
        var mainDate = draw.OneIn(2) ? "dd-MMM-yyyy" : "MM/dd/yyyy";
        string Main(DateOnly d) => mainDate == "dd-MMM-yyyy" ? d.ToString(mainDate, Inv).ToUpperInvariant() : d.ToString(mainDate, Inv);
        string Credit(decimal a) => draw.Pick(Num(a) + "-", Num(a) + " CR", "(" + Num(a) + ")");

        var dealer = draw.Pick("RIVERSIDE CHEVROLET", "LAKEWAY AUTO GROUP", "CROSSROADS HONDA", "PREMIER TRUCK CENTER", "SUNBELT MOTORS INC", "NORTHGATE KIA");
        var dealerFax = LocalPhone(draw);
        var lenderFax = TollFree(draw);
        var lenderPhone = TollFree(draw);
        var time = new TimeOnly(draw.Next(7, 19), draw.Next(0, 60), draw.Next(0, 60));
        var customer = Person(draw).ToUpperInvariant();
        var contract = asOf.AddMonths(-draw.Next(8, 40));
        var year = contract.Year + 1 - draw.Next(0, 6);
        var vin = Vin(draw, year);
        var wireAccount = Digits(draw, 6) + OtherFour(draw, last4);
        var aba = draw.Pick("021000089", "071000013", "121000248", "026009593", "111000614");

        var faxHeader = $"{asOf.ToString("MMM-dd-yyyy", Inv).ToUpperInvariant()} {time.ToString("HH:mm", Inv)}  FROM:{brand} PAYOFF   {Digitize(lenderFax)}  TO:{Digitize(dealerFax)}   P.1/2";
        var cover = Lines(
            faxHeader,
            "",
            "F A X   T R A N S M I T T A L",
            "",
            $"DATE:    {Main(asOf)}",
            $"TO:      {dealer}  ATTN: {draw.Pick("TITLE CLERK", "PAYOFF DEPT", "BUSINESS OFFICE", "F&I")}",
            $"FAX:     {dealerFax}",
            $"FROM:    {lender.ToUpperInvariant()} - {draw.Pick("PAYOFF / TITLE SERVICES", "DEALER PAYOFF UNIT", "LIEN RELEASE DEPT")}",
            $"PHONE:   {lenderPhone}     FAX: {lenderFax}",
            "PAGES:   2 (INCLUDING COVER)",
            $"RE:      PAYOFF REQUEST - {customer} - ACCT ENDING {last4}",
            "",
            "CONFIDENTIALITY NOTICE: THIS FACSIMILE CONTAINS CONFIDENTIAL CUSTOMER INFORMATION INTENDED ONLY FOR THE",
            "ADDRESSEE. IF YOU RECEIVED IT IN ERROR, NOTIFY THE SENDER AT THE NUMBER ABOVE AND DESTROY ALL COPIES.");

        var payoffLabel = draw.Pick("NET PAYOFF AMOUNT", "TOTAL PAYOFF", "AMOUNT REQUIRED TO PAY IN FULL", "TOTAL AMOUNT DUE TO PAY OFF");
        var perDiemLabel = draw.Pick("DAILY INTEREST", "PER DIEM", "INTEREST PER DAY", "DAILY INTEREST (PER DIEM)");
        var goodLabel = draw.Pick("PAYOFF GOOD THROUGH", "QUOTE VALID THRU", "GOOD THRU", "PAYOFF EXPIRES");
        string Item(string label, string value) => label.PadRight(40, '.') + value.PadLeft(14);
        var items = Lines(
            Item("PRINCIPAL BALANCE", Num(principal)),
            Item("INTEREST " + (draw.OneIn(2) ? "ACCRUED TO " + Dt(goodThrough) : "DUE (" + (goodThrough.DayNumber - paidTo.DayNumber).ToString(Inv) + " DAYS)"), Num(accrued)),
            late > 0 ? Item("LATE CHARGES DUE", Num(late)) : null,
            titleFee > 0 ? Item(draw.Pick("LIEN RELEASE FEE", "TITLE/LIEN FEE", "DMV RELEASE FEE"), Num(titleFee)) : null,
            credit > 0 ? Item(draw.Pick("UNAPPLIED FUNDS", "SUSPENSE BALANCE", "PARTIAL PMT HELD"), Credit(credit)) : null,
            "".PadRight(54, '-'),
            Item(payoffLabel, Num(payoff)));

        var rateLabel = draw.Pick("CONTRACT RATE", "APR", "ANNUAL PERCENTAGE RATE", "SIMPLE INT RATE");
        var facts = Lines(
            $"ACCOUNT NUMBER:  {account}" + (draw.OneIn(2) ? $"       DEALER NO: {Digits(draw, 5)}" : ""),
            $"CUSTOMER:        {customer}",
            $"VEHICLE:         {year.ToString(Inv)} {brand} {models[draw.Next(models.Length)]}",
            $"VIN:             {vin}",
            $"AMOUNT FINANCED: {Num(Math.Round(principal * (1m + (draw.Next(15, 90) / 100m)), 2))}     CONTRACT DATE: {Dt(contract)}",
            showRate ? $"{rateLabel}:  {rate.ToString(draw.OneIn(2) ? "0.000" : "0.00", Inv)}%" : null,
            $"PAID TO DATE:    {Dt(paidTo)}",
            showNext ? $"NEXT PAYMENT DUE {Dt(nextDue)}   REGULAR PAYMENT AMOUNT {Num(payment)}" : null);

        var form = Lines(
            "PAGE 2 OF 2",
            $"{lender.ToUpperInvariant()}",
            $"10-DAY PAYOFF QUOTATION            RUN DATE {asOf.ToString("yyyyMMdd", Inv)} {time.ToString("HH:mm:ss", Inv)}   REQ #{Digits(draw, 7)}",
            "",
            facts,
            "",
            $"QUOTE DATE:      {Main(asOf)}",
            $"{goodLabel}: {Main(goodThrough)}",
            "",
            items,
            "",
            $"{perDiemLabel}: {Num(perDiem)}  -  IF FUNDS ARE RECEIVED AFTER {Main(goodThrough)}, ADD {Num(perDiem)} FOR EACH ADDITIONAL DAY.",
            "",
            "PAYOFF FUNDS MUST BE CERTIFIED (CASHIER'S CHECK, DEALER DRAFT OR WIRE). PERSONAL CHECKS HOLD TITLE RELEASE 10 BUSINESS DAYS.",
            $"OVERNIGHT: {lender.ToUpperInvariant()}, ATTN PAYOFF PROCESSING, {draw.Next(100, 9999).ToString(Inv)} {draw.Pick("LEGACY DR", "CORPORATE PKWY", "COMMERCE ST")}, {draw.Pick("PLANO TX 75024", "ALPHARETTA GA 30005", "IRVING TX 75039", "TEMPE AZ 85281")}",
            $"WIRE: ABA {aba}  ACCT {wireAccount}  REF: {account} / {customer}",
            "GAP AND SERVICE CONTRACT REFUNDS ARE NOT INCLUDED; CANCEL WITH THE SELLING DEALER. TITLE IS MAILED WITHIN 10 BUSINESS DAYS OF PAYOFF.",
            draw.OneIn(2) ? "AUTOMATIC PAYMENTS ARE NOT STOPPED BY THIS QUOTE. ANY OVERPAYMENT WILL BE REFUNDED TO THE CUSTOMER." : null);

        var text = Lines(cover, "", "".PadRight(70, '='), "", form);

        return new(LiabilityType.AutoLoan, SourceKind.PayoffLetter, lender, text, new ExtractedFields
        {
            PayoffAmount = payoff,
            PayoffGoodThrough = goodThrough,
            PerDiem = perDiem,
            PrincipalBalance = principal,
            NextPaymentAmount = showNext ? payment : null,
            NextPaymentDueDate = showNext ? nextDue : null,
            InterestRatePct = showRate ? rate : null,
            AccountLast4 = last4,
        });
    }

    // ---------------------------------------------------------------------------------------------
    // 4. Private student loan statement or statement-ready e-mail
    // ---------------------------------------------------------------------------------------------

    private static SyntheticDocument PrivateStudentLoanStatement(Draw draw, TextFormats format, DateOnly asOf)
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
        var autoDebit = draw.OneIn(2);
        var df = draw.Pick("MM/dd/yyyy", "MMMM d, yyyy", "MMM d, yyyy");
        string Dt(DateOnly d) => d.ToString(df, Inv);

        var multi = draw.OneIn(2);
        decimal principal;
        decimal regular;
        decimal? rateGold;
        string detail;
        if (!multi)
        {
            // One loan, disbursed in two or three installments, one rate.
            var parts = draw.Next(2, 4);
            var each = Math.Round(draw.Amount(2_500m, 22_000m) / 50m, 0) * 50m;
            var firstDisb = new DateOnly(asOf.Year - draw.Next(2, 8), 8, draw.Next(10, 29));
            var original = each * parts;
            var capitalized = draw.Amount(0m, original * 0.12m);
            principal = Math.Round(draw.Amount(0.35m, 0.98m) * (original + capitalized), 2);
            var paidDown = original + capitalized - principal;
            var rate = Math.Round(draw.Rate(3.99m, 14.49m), 3);
            var variable = rate >= 6.5m && draw.OneIn(2);
            regular = Amortized(principal, rate, draw.Next(84, 170));
            rateGold = rate;
            string rateText;
            if (variable)
            {
                var index = Math.Round(draw.Rate(3.9m, 5.4m), 3);
                var discount = autoDebit ? 0.25m : 0m;
                var margin = rate - index + discount;
                rateText = $"Current interest rate: {rate.ToString("0.000", Inv)}% (variable: 1-month CME Term SOFR {index.ToString("0.000", Inv)}% + margin {margin.ToString("0.000", Inv)}%"
                    + (autoDebit ? ", less 0.250% auto debit reduction)" : ")");
            }
            else
            {
                rateText = $"Interest rate: {rate.ToString("0.00#", Inv)}% fixed" + (autoDebit ? " (includes 0.25% auto debit reduction)" : "");
            }

            var principalLabel = draw.Pick("Current principal", "Current principal balance", "Principal balance");
            var disbursements = new List<string> { "Disbursement   Date          Amount      Term" };
            for (var i = 0; i < parts; i++)
            {
                var when = i == 0 ? firstDisb : new DateOnly(firstDisb.Year + ((i + 1) / 2), i % 2 == 1 ? 1 : 8, draw.Next(5, 25));
                disbursements.Add($"{(i + 1).ToString(Inv),-15}{when.ToString("MM/dd/yyyy", Inv)}    {Usd(each),-12}{(when.Month == 8 ? "Fall " : "Spring ") + when.Year.ToString(Inv)}");
            }

            detail = Lines(
                $"LOAN DETAIL - Loan {draw.Pick("001", "01", "1")} ({draw.Pick("Undergraduate", "Graduate", "Career Training", "Health Professions")} Private Loan, {school})",
                rateText,
                string.Join("\n", disbursements),
                $"Original principal{Pad("Original principal", 34)}{Usd(original)}",
                capitalized > 0 ? $"Capitalized interest{Pad("Capitalized interest", 34)}{Usd(capitalized)}" : null,
                $"Principal paid to date{Pad("Principal paid to date", 34)}({Usd(paidDown)})",
                $"{principalLabel}{Pad(principalLabel, 34)}{Usd(principal)}",
                $"Accrued interest (unpaid){Pad("Accrued interest (unpaid)", 34)}{Usd(draw.Amount(4m, 140m))}",
                $"Interest paid this year{Pad("Interest paid this year", 34)}{Usd(draw.Amount(40m, 1_400m))}",
                $"Monthly payment{Pad("Monthly payment", 34)}{Usd(regular)}");
        }
        else
        {
            // Several loans on one account, each at its own rate: the account has no single rate.
            var count = draw.Next(2, 5);
            var rows = new List<string>
            {
                "Loan  Type         Disbursed     Original Amt   Current Principal   Rate            Monthly Pmt",
            };
            principal = 0m;
            regular = 0m;
            var originalSum = 0m;
            var yearStart = asOf.Year - draw.Next(5, 10);
            for (var i = 0; i < count; i++)
            {
                var original = Math.Round(draw.Amount(3_000m, 28_000m) / 100m, 0) * 100m;
                var current = draw.Amount(original * 0.3m, original * 1.04m);
                var rate = Math.Round(draw.Rate(3.49m, 14.99m), 3);
                var payment = Amortized(current, rate, draw.Next(90, 170));
                var kind = i < count - 1 || draw.OneIn(2) ? "Undergrad" : "Graduate";
                var disbursed = new DateOnly(yearStart + i, 8, draw.Next(10, 29));
                rows.Add($"{(i + 1).ToString("00", Inv),-6}{kind,-13}{disbursed.ToString("MM/dd/yyyy", Inv),-14}{Usd(original),-15}{Usd(current),-20}{(rate.ToString("0.000", Inv) + "% " + draw.Pick("Fixed", "Var")),-16}{Usd(payment)}");
                principal += current;
                regular += payment;
                originalSum += original;
            }

            rows.Add($"{"",-33}{"Totals",-15}{Usd(principal),-20}{"",-16}{Usd(regular)}");
            rateGold = null;
            detail = Lines(
                "YOUR LOANS",
                string.Join("\n", rows),
                "",
                $"Total original amount borrowed: {Usd(originalSum)}    Interest paid year to date: {Usd(draw.Amount(60m, 2_400m))}",
                "Variable rates may change monthly based on the index. See your credit agreement for details.");
        }

        var email = !multi && draw.OneIn(3);
        var pastDue = !email && draw.OneIn(5) ? regular : 0m;
        var lateFee = pastDue > 0 ? Math.Min(25m, Math.Round(regular * 0.05m, 2)) : 0m;
        var total = regular + pastDue + lateFee;
        var phone = TollFree(draw);

        if (email)
        {
            // A statement-ready e-mail instead of the statement.
            var first = borrower.Split(' ')[0];
            var stated = draw.OneIn(2);
            var mail = Lines(
                $"From: {lender} <no-reply@notices.{Slug(lender)}.com>",
                $"Sent: {asOf.ToString("ddd, d MMM yyyy", Inv)} {draw.Next(5, 8).ToString("00", Inv)}:{draw.Next(0, 60).ToString("00", Inv)}:{draw.Next(0, 60).ToString("00", Inv)} -0500",
                $"Subject: Your {asOf.ToString("MMMM", Inv)} statement is ready",
                "",
                $"Hi {first},",
                "",
                $"Your new statement for the loan account ending in {last4} is ready to view online.",
                "",
                $"  {draw.Pick("Payment amount:", "Amount due:", "Total amount due:"),-22}{Usd(total)}",
                $"  Due date:             {due.ToString("MMM d, yyyy", Inv)}",
                $"  Current principal:    {Usd(principal)}",
                stated ? $"  Interest rate:        {rateGold!.Value.ToString("0.000", Inv)}%" : null,
                "",
                autoDebit
                    ? $"You're enrolled in Auto Debit. We'll debit {Usd(total)} from your account ending in {debit4} on the due date - no action needed."
                    : "Pay online, by phone, or by mail. Enroll in Auto Debit to get a 0.25% interest rate reduction.",
                "",
                $"Questions? Call us at {phone}, Monday-Friday 8 a.m.-9 p.m. ET.",
                "Please do not reply to this e-mail. This mailbox is not monitored.",
                $"{lender} | P.O. Box {draw.Next(1000, 99_999).ToString(Inv)} | Wilmington, DE 19{draw.Next(801, 899).ToString(Inv)}");
            return new(LiabilityType.StudentLoan, SourceKind.Other, lender, mail, new ExtractedFields
            {
                PrincipalBalance = principal,
                NextPaymentAmount = regular,
                NextPaymentDueDate = due,
                InterestRatePct = stated ? rateGold : null,
                AccountLast4 = last4,
            });
        }

        var amountBox = Lines(
            "AMOUNT DUE",
            $"Current Amount Due{Pad("Current Amount Due", 30)}{Usd(regular)}",
            $"Past Due Amount{Pad("Past Due Amount", 30)}{Usd(pastDue)}",
            $"Late Fees{Pad("Late Fees", 30)}{Usd(lateFee)}",
            $"Total Amount Due{Pad("Total Amount Due", 30)}{Usd(total)}",
            $"Payment Due Date{Pad("Payment Due Date", 30)}{Dt(due)}",
            autoDebit ? $"Auto Debit: {Usd(total)} will be withdrawn from your bank account ending in {debit4} on {Dt(due)}." : null,
            pastDue > 0 ? "Your account is past due. Please pay the Total Amount Due to bring your account current." : null);

        var text = Lines(
            lender.ToUpperInvariant(),
            $"P.O. Box {draw.Next(1000, 99_999).ToString(Inv)} | {draw.Pick("Wilmington, DE 19850", "Newark, DE 19714", "Sioux Falls, SD 57117", "Lincoln, NE 68501")} | {phone}",
            "",
            "MONTHLY STATEMENT",
            $"Statement Date: {Dt(asOf)}",
            $"Account Number: {account}",
            $"Borrower: {borrower}" + (cosigner is null ? "" : $"    Cosigner: {cosigner}"),
            "",
            amountBox,
            "",
            detail,
            "",
            "This is a private education loan. It is not a federal student loan and is not eligible for federal repayment plans or forgiveness programs.",
            "Interest you paid may be deductible. Your IRS Form 1098-E will be available by January 31.",
            "",
            "-------- Return this coupon with your payment --------",
            $"Account {account}    Due {due.ToString("MM/dd/yyyy", Inv)}    Total Amount Due {Usd(total)}    Amount Enclosed $________");

        return new(LiabilityType.StudentLoan, SourceKind.Statement, lender, text, new ExtractedFields
        {
            PrincipalBalance = principal,
            NextPaymentAmount = regular,
            NextPaymentDueDate = due,
            InterestRatePct = rateGold,
            AccountLast4 = last4,
        });
    }

    // ---------------------------------------------------------------------------------------------
    // 5. Personal loan payoff by secure message
    // ---------------------------------------------------------------------------------------------

    private static SyntheticDocument PersonalLoanSecureThread(Draw draw, TextFormats format, DateOnly asOf)
    {
        var lender = draw.Pick("Copperline Financial", "Evergreen Federal Credit Union", "Pinnacle Consumer Lending", "Tidewater Bank", "Lendwise Personal Loans");
        var last4 = draw.Last4();
        var checking4 = OtherFour(draw, last4);
        var ext = Digits(draw, 4);
        var customer = Person(draw);
        var first = customer.Split(' ')[0];
        var agent = draw.Pick("Marcus T.", "Renee B.", "Luis G.", "Hannah W.", "Omar S.");
        var agent2 = draw.Pick("Tasha M.", "Kevin P.", "Ana R.");
        var principal = draw.Amount(1_800m, 42_000m);
        var rate = Math.Round(draw.Rate(6.99m, 29.99m), 2);
        var apr = rate + Math.Round(draw.Rate(0.8m, 3.6m), 2);
        var perDiem = Math.Round(principal * rate / 100m / 365m, 2);
        var payment = Amortized(principal, rate, draw.Next(10, 58));
        // The thread is captured on asOf, the day of its last message: draw the gaps first, then count back.
        var scenario = draw.Next(3);
        var askPayment = draw.OneIn(2);
        var gaps = new Queue<TimeSpan>();
        void Gap(int minHours, int maxHours) => gaps.Enqueue(TimeSpan.FromHours(draw.Next(minHours, maxHours)) + TimeSpan.FromMinutes(draw.Next(0, 60)));
        Gap(1, 6);
        if (scenario == 0)
        {
            Gap(1, 4);
        }
        else if (scenario == 1)
        {
            Gap(2, 33);
            Gap(1, 5);
        }

        if (askPayment)
        {
            Gap(1, 20);
            Gap(1, 4);
        }

        // Walk the gaps forward from a morning, keeping every message between 7 a.m. and 9 p.m., then move the
        // whole thread by whole days so that its last message falls on asOf.
        var walk = new List<DateTime> { new DateTime(2000, 1, 3, draw.Next(7, 12), draw.Next(0, 60), 0, DateTimeKind.Unspecified) };
        foreach (var gap in gaps)
        {
            var next = walk[^1] + gap;
            if (next.Hour is >= 21 or < 7)
            {
                next = next.Date.AddDays(next.Hour >= 21 ? 1 : 0).AddHours(7 + draw.Next(0, 3)).AddMinutes(draw.Next(0, 60));
            }

            walk.Add(next);
        }

        var shift = asOf.DayNumber - DateOnly.FromDateTime(walk[^1]).DayNumber;
        var times = new Queue<DateTime>(walk.Select(w => w.AddDays(shift)));
        var t = times.Dequeue();
        var start = DateOnly.FromDateTime(t);
        var lastPaid = start.AddDays(-draw.Next(3, 26));
        var nextDue = lastPaid.AddMonths(1);
        var goodThrough = start.AddDays(draw.Next(5, 14));
        decimal Payoff(DateOnly through) => principal + (perDiem * (through.DayNumber - lastPaid.DayNumber));
        var product = draw.Pick("personal loan", "debt consolidation loan", "signature loan", "home improvement loan");
        string Money(decimal a) => draw.OneIn(5) ? MoneyInWords.Dollars(a, commas: false, and: false) + " (" + Usd(a) + ")" : Usd(a);
        string Dt(DateOnly d) => draw.Next(4) switch
        {
            0 => d.ToString("MMMM d, yyyy", Inv),
            1 => d.ToString("M/d/yyyy", Inv),
            2 => d.ToString("dddd, MMMM d", Inv) + ", " + d.Year.ToString(Inv),
            _ => d.ToString("MM/dd/yyyy", Inv),
        };

        var messages = new List<(DateTime When, string From, string Body)>();
        messages.Add((t, customer,
            $"Hi, I'm planning to pay off my {product} ending in {last4} in the next week or so with a transfer from my checking (ending {checking4}). "
            + "Can you tell me the exact payoff amount? Also what's my interest rate on it? Thanks, " + first));

        decimal payoffGold;
        DateOnly goodGold;
        var rateSentence = draw.OneIn(3)
            ? $"Your loan has a fixed interest rate of {rate.ToString("0.00", Inv)}%. (The {apr.ToString("0.00", Inv)}% APR on your loan agreement also reflects the origination fee, which was charged once at funding.)"
            : $"Your fixed interest rate is {rate.ToString("0.00", Inv)}%.";
        var signature = $"\n\n{agent}\nLoan Servicing Specialist\n{lender}\n{TollFree(draw)} ext. {ext} | NMLS #{draw.Next(10_000, 999_999).ToString(Inv)}";
        t = times.Dequeue();

        switch (scenario)
        {
            case 0:
                // Wrong figure first (principal only), corrected the same day.
                messages.Add((t, agent,
                    $"Hello {first},\n\nThank you for reaching out. The payoff on your loan is {Usd(principal)}. {rateSentence}\n\nPlease let us know if there is anything else we can help with." + signature));
                t = times.Dequeue();
                payoffGold = Payoff(goodThrough);
                goodGold = goodThrough;
                messages.Add((t, agent,
                    $"Hello {first},\n\nI need to correct my earlier message. The {Usd(principal)} I gave you is your current principal balance only; it does not include the interest accrued since your last payment on {Dt(lastPaid)}. "
                    + $"Your correct payoff amount is {Money(payoffGold)}, good through {Dt(goodThrough)}. If the funds arrive after that date, add {Usd(perDiem)} for each additional day.\n\nI apologize for the confusion." + signature));
                break;
            case 1:
                // First quote, then the customer moves the date and gets a new quote.
                var firstPayoff = Payoff(goodThrough);
                messages.Add((t, agent,
                    $"Hi {first},\n\nHappy to help. As of today your principal balance is {Usd(principal)}. To pay the loan in full, send {Money(firstPayoff)}; that figure is good through {Dt(goodThrough)}. "
                    + $"Interest accrues at {Usd(perDiem)} per day after that. {rateSentence}" + signature));
                t = times.Dequeue();
                var later = goodThrough.AddDays(draw.Next(4, 16));
                messages.Add((t, customer,
                    $"Thanks. It turns out my funds won't be available until {later.ToString("MMMM d", Inv)}. What would the payoff be if you receive it on {later.ToString("M/d", Inv)}?"));
                t = times.Dequeue();
                payoffGold = Payoff(later);
                goodGold = later;
                messages.Add((t, agent2,
                    $"Hi {first},\n\nIf we receive your payment on {Dt(later)}, the amount to pay off your loan will be {Money(payoffGold)}. This updated quote is good through {Dt(later)} and replaces the earlier figure of {Usd(firstPayoff)}.\n\n{agent2}\n{lender} Member Support"));
                break;
            default:
                payoffGold = Payoff(goodThrough);
                goodGold = goodThrough;
                messages.Add((t, agent,
                    $"Hello {first},\n\n{rateSentence} Your payoff amount good through {Dt(goodThrough)} is {Money(payoffGold)}, which includes {Usd(payoffGold - principal)} of accrued interest on a principal balance of {Usd(principal)}. "
                    + $"The per diem is {Usd(perDiem)}." + signature));
                break;
        }

        if (askPayment)
        {
            t = times.Dequeue();
            messages.Add((t, customer, $"One more question - do I still need to make my regular payment? Autopay usually takes it on the {Ordinal(nextDue.Day)}."));
            t = times.Dequeue();
            messages.Add((t, draw.Pick(agent, agent2),
                $"Hi {first}, if the payoff posts before your due date you don't need to. Otherwise your regular payment of {Usd(payment)} is still due on {Dt(nextDue)} and autopay will draft it as scheduled."));
        }

        var newestFirst = draw.OneIn(2);
        var ordered = newestFirst ? messages.OrderByDescending(m => m.When) : messages.OrderBy(m => m.When);
        var header = Lines(
            $"{lender} - Secure Message Center",
            $"Conversation #SM-{Digits(draw, 4)}-{Digits(draw, 5)}   Subject: Payoff request   Regarding: {Cap(product)} ****{last4}",
            newestFirst ? "(most recent message first)" : null,
            "");
        var sentFormat = draw.Pick("ddd MM/dd/yyyy h:mm tt", "MMM d, yyyy 'at' h:mm tt", "M/d/yyyy h:mm tt");
        var body = string.Join("\n\n" + "".PadRight(60, '-') + "\n\n", ordered.Select(m =>
            $"From: {m.From}\nSent: {m.When.ToString(sentFormat, Inv)}\n\n{m.Body}"));
        var text = header + "\n" + body;

        return new(LiabilityType.PersonalLoan, SourceKind.Other, lender, text, new ExtractedFields
        {
            PayoffAmount = payoffGold,
            PayoffGoodThrough = goodGold,
            PerDiem = perDiem,
            PrincipalBalance = principal,
            NextPaymentAmount = askPayment ? payment : null,
            NextPaymentDueDate = askPayment ? nextDue : null,
            InterestRatePct = rate,
            AccountLast4 = last4,
        });
    }

    // ---------------------------------------------------------------------------------------------
    // 6. New servicer's notice of servicing transfer / welcome letter
    // ---------------------------------------------------------------------------------------------

    private static SyntheticDocument MortgageServicingTransferLetter(Draw draw, TextFormats format, DateOnly asOf)
    {
        var oldServicer = draw.Pick("Liberty Crest Mortgage", "First Meridian Home Loans", "Greystone Savings Bank", "Palisade Mortgage Corp.");
        var newServicer = draw.Pick("Canopy Loan Servicing, LLC", "Bridgewater Mortgage Services", "Redstone Home Loan Servicing", "Northwind Servicing Corporation");
        var last4 = draw.Last4();
        var newLoan = Digits(draw, 6) + last4;
        var oldLoan = Digits(draw, 6) + OtherFour(draw, last4);
        var borrower = Person(draw);
        var (street, cityStateZip) = Address(draw);
        var effective = asOf.AddDays(-draw.Next(3, 15));
        var oldStops = effective.AddDays(-1);
        var firstDue = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(1);

        var principal = draw.Amount(62_000m, 640_000m);
        var rate = Math.Round(draw.Rate(2.25m, 7.5m) * 8m, 0) / 8m;
        var pi = Amortized(principal, rate, draw.Next(160, 350));
        var escrowPart = draw.OneIn(6) ? 0m : draw.Amount(150m, 1_100m);
        var payment = pi + escrowPart;
        decimal? escrowGold = null;
        string? escrowLine = null;
        if (escrowPart > 0m && !draw.OneIn(4))
        {
            if (draw.OneIn(4))
            {
                var advance = draw.Amount(90m, 1_900m);
                escrowGold = -advance;
                escrowLine = $"Escrow balance transferred:       -{Usd(advance)} (escrow shortage - funds advanced by your prior servicer)";
            }
            else
            {
                var balance = draw.Amount(200m, 6_500m);
                escrowGold = balance;
                escrowLine = $"Escrow balance transferred:       {Usd(balance)}";
            }
        }

        var showPrincipal = !draw.OneIn(4);
        var showRate = !draw.OneIn(5);
        var df = draw.Pick("MMMM d, yyyy", "MM/dd/yyyy", "AP");
        string Dt(DateOnly d) => df == "AP" ? ApStyle(d) : d.ToString(df, Inv);
        var newPhone = TollFree(draw);
        var oldPhone = TollFree(draw);
        var hours = draw.Pick("8:00 a.m. to 8:00 p.m. Eastern, Monday through Friday", "7 a.m. - 7 p.m. CT, Mon-Fri, and 8 a.m. - noon CT Saturday");

        var glance = Lines(
            draw.Pick("YOUR LOAN AT A GLANCE", "LOAN INFORMATION AS OF THE TRANSFER DATE", "ACCOUNT SUMMARY"),
            $"New loan number:                  {newLoan}",
            $"Prior loan number ({oldServicer}): {oldLoan}",
            showPrincipal ? $"Unpaid principal balance:         {Usd(principal)}" : null,
            showRate ? $"Interest rate:                    {rate.ToString(draw.Pick("0.000", "0.00#"), Inv)}%" : null,
            escrowLine,
            $"Monthly payment:                  {Usd(payment)}",
            escrowPart > 0 ? $"   Principal and interest        {Usd(pi)}" : null,
            escrowPart > 0 ? $"   Escrow (taxes/insurance)      {Usd(escrowPart)}" : null,
            $"First payment due to {newServicer}: {Dt(firstDue)}");

        string text;
        if (draw.OneIn(2))
        {
            text = Lines(
                newServicer,
                $"P.O. Box {draw.Next(1000, 99_999).ToString(Inv)}, {draw.Pick("Greenville, SC 29603", "Fort Worth, TX 76161", "Coppell, TX 75019", "Highlands Ranch, CO 80163")}",
                "",
                Dt(asOf),
                "",
                borrower,
                street,
                cityStateZip,
                "",
                $"RE: Loan Number {newLoan}",
                $"    Property: {street}, {cityStateZip}",
                "",
                "NOTICE OF SERVICING TRANSFER",
                "",
                $"The servicing of your mortgage loan - that is, the right to collect payments from you - has been assigned, sold or transferred from {oldServicer} to {newServicer}, effective {Dt(effective)}.",
                "",
                "The assignment, sale or transfer of the servicing of the mortgage loan does not affect any term or condition of the mortgage instruments, other than terms directly related to the servicing of your loan.",
                "",
                $"Your prior servicer was {oldServicer}. If you have questions relating to the transfer of servicing from your prior servicer, call their customer service department at {oldPhone}.",
                $"Your new servicer is {newServicer}. If you have questions about your loan with us, call {newPhone}, {hours}.",
                "",
                $"The date that your prior servicer stopped accepting payments from you was {Dt(oldStops)}. The date that {newServicer} began accepting payments from you is {Dt(effective)}. Send all payments due on or after that date to {newServicer}.",
                "",
                glance,
                "",
                "Under Federal law, during the 60-day period following the effective date of the transfer of the loan servicing, a loan payment received by your old servicer on or before its due date may not be treated by the new servicer as late, and a late fee may not be imposed on you.",
                "",
                "Automatic payments you set up with your prior servicer do not transfer. To enroll in AutoPay, visit our website or call us.",
                "Optional products (such as mortgage life insurance) are not affected by this transfer unless you are told otherwise in writing.",
                "",
                "This communication is from a debt collector. This is an attempt to collect a debt and any information obtained will be used for that purpose.",
                $"NMLS #{draw.Next(10_000, 999_999).ToString(Inv)}");
        }
        else
        {
            var first = borrower.Split(' ')[0];
            text = Lines(
                $"{Dt(asOf)}",
                "",
                $"Welcome to {newServicer}!",
                "",
                $"Dear {first},",
                "",
                $"As of {Dt(effective)}, {newServicer} is the servicer of your home loan for {street}. Your loan was previously serviced by {oldServicer}, loan number {oldLoan}; that number is no longer used.",
                $"Your new loan number is {newLoan}. Please include it on all payments and correspondence.",
                "",
                $"Your first payment to us, in the amount of {Usd(payment)}, is due on {Dt(firstDue)}."
                    + (showRate ? $" The interest rate on your loan remains {rate.ToString("0.000", Inv)}%, and none of the terms of your note have changed." : " None of the terms of your note have changed."),
                showPrincipal ? $"Your unpaid principal balance on the transfer date was {Usd(principal)}." : null,
                escrowGold is null ? null
                    : escrowGold < 0
                        ? $"Your escrow account came to us with a shortage of {Usd(-escrowGold.Value)}: your escrow balance is -{Usd(-escrowGold.Value)}. We will review it in your next escrow analysis."
                        : $"Your escrow balance of {Usd(escrowGold.Value)} was transferred to us and will continue to be used for property taxes and insurance.",
                "",
                $"If you sent a payment to {oldServicer} on or before {Dt(oldStops)}, it will be forwarded to us. For 60 days after {Dt(effective)} we will not treat a payment sent to your prior servicer on time as late.",
                "",
                "Ways to pay:",
                $"  Online:  www.{Slug(newServicer)}.com (one-time payments are free)",
                $"  Phone:   {newPhone} ({hours})",
                $"  Mail:    {newServicer}, Attn: Payment Processing, P.O. Box {draw.Next(1000, 99_999).ToString(Inv)}, {draw.Pick("Charlotte, NC 28272", "Carol Stream, IL 60197", "Salt Lake City, UT 84130")}",
                "",
                "Sincerely,",
                "Customer Care",
                newServicer,
                "",
                draw.OneIn(2) ? $"Questions about your prior servicer's records: {oldPhone}." : null,
                "We are required by law to inform you that this communication is from a debt collector.");
        }

        return new(LiabilityType.Mortgage, SourceKind.Other, newServicer, text, new ExtractedFields
        {
            PrincipalBalance = showPrincipal ? principal : null,
            EscrowBalance = escrowGold,
            NextPaymentAmount = payment,
            NextPaymentDueDate = firstDue,
            InterestRatePct = showRate ? rate : null,
            AccountLast4 = last4,
        });
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------

    private static T PickOf<T>(Draw draw, params T[] options) => options[draw.Next(options.Length)];

    private static string Usd(decimal amount) => amount.ToString("$#,##0.00", Inv);

    private static string Num(decimal amount) => amount.ToString("#,##0.00", Inv);

    private static string Pad(string label, int width) => new(' ', Math.Max(1, width - label.Length));

    private static string Lines(params string?[] lines) => string.Join("\n", lines.Where(l => l is not null));

    private static string Cap(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private static string Slug(string name) => new([.. name.ToLowerInvariant().TakeWhile(c => c != ',').Where(char.IsLetter)]);

    private static string Digits(Draw draw, int n) => string.Concat(Enumerable.Range(0, n).Select(i => (i == 0 ? draw.Next(1, 10) : draw.Next(10)).ToString(Inv)));

    private static string OtherFour(Draw draw, string not)
    {
        var four = draw.Last4();
        return four == not ? (four[..3] + ((four[3] - '0' + 1) % 10).ToString(Inv)) : four;
    }

    private static string Zip(Draw draw) => draw.Next(10_000, 99_950).ToString("00000", Inv);

    private static string TollFree(Draw draw) => $"1-{draw.Pick("800", "833", "844", "855", "866", "877", "888")}-{draw.Next(200, 1000).ToString(Inv)}-{draw.Next(0, 10_000).ToString("0000", Inv)}";

    private static string LocalPhone(Draw draw) => $"({draw.Pick("214", "512", "404", "602", "614", "919", "303")}) 555-01{draw.Next(0, 100).ToString("00", Inv)}";

    private static string Digitize(string phone) => new([.. phone.Where(char.IsDigit)]);

    private static string Person(Draw draw) =>
        draw.Pick("Jordan", "Maria", "Tom", "Aisha", "Derek", "Linh", "Carlos", "Brianna", "Samuel", "Grace", "Tyrone", "Megan")
        + " " + draw.Pick("Ellis", "Reyes", "Nguyen", "Okafor", "Kowalski", "Patel", "Brooks", "Whitfield", "Larsen", "Moreno", "Hughes", "Castillo");

    private static (string Street, string CityStateZip) Address(Draw draw) =>
        ($"{draw.Next(100, 9_999).ToString(Inv)} {draw.Pick("Willow Bend Dr", "Oak Hollow Ln", "N Maple Ave", "Harbor View Ct", "Cedar Ridge Rd", "W 14th St")}",
         draw.Pick("Springfield, IL 62704", "Round Rock, TX 78664", "Marietta, GA 30062", "Chandler, AZ 85226", "Westerville, OH 43081", "Cary, NC 27519", "Aurora, CO 80016"));

    private static string Vin(Draw draw, int year)
    {
        const string chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
        var yearCode = "ABCDEFGHJKLMNPRSTVWXY123456789"[(year - 2010 + 30) % 30];
        var wmi = draw.Pick("1V4", "2T3", "5NP", "1FT", "3GN", "JTD");
        var middle = string.Concat(Enumerable.Range(0, 5).Select(_ => chars[draw.Next(chars.Length)]));
        return $"{wmi}{middle}{draw.Next(10).ToString(Inv)}{yearCode}{chars[draw.Next(23)]}{Digits(draw, 6)}";
    }

    private static decimal Amortized(decimal principal, decimal ratePct, int months)
    {
        if (ratePct == 0m)
        {
            return Math.Round(principal / months, 2);
        }

        var i = (double)ratePct / 1200d;
        return Math.Round((decimal)((double)principal * i / (1d - Math.Pow(1d + i, -months))), 2);
    }

    // Said aloud ----------------------------------------------------------------------------------

    private static readonly string[] Small =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] TensWords = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly string[] OrdinalWords =
    [
        "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
        "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
        "twenty-first", "twenty-second", "twenty-third", "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh",
        "twenty-eighth", "twenty-ninth", "thirtieth", "thirty-first",
    ];

    private static string Under100(int n, bool hyphen) =>
        n < 20 ? Small[n] : n % 10 == 0 ? TensWords[n / 10] : TensWords[n / 10] + (hyphen ? "-" : " ") + Small[n % 10];

    private static string Under1000(int n, bool hyphen) =>
        n < 100 ? Under100(n, hyphen) : Small[n / 100] + " hundred" + (n % 100 == 0 ? "" : " " + Under100(n % 100, hyphen));

    /// <param name="hundreds">"twelve hundred thirty-four" for 1,234, as people say four-digit amounts</param>
    private static string WholeWords(long n, bool hyphen, bool hundreds)
    {
        if (n == 0)
        {
            return "zero";
        }

        if (hundreds && n is >= 1_100 and < 10_000 && (n / 100) % 10 != 0)
        {
            return Under100((int)(n / 100), hyphen) + " hundred" + (n % 100 == 0 ? "" : " " + Under100((int)(n % 100), hyphen));
        }

        var parts = new List<string>();
        if (n >= 1_000_000)
        {
            parts.Add(Under1000((int)(n / 1_000_000), hyphen) + " million");
            n %= 1_000_000;
        }

        if (n >= 1_000)
        {
            parts.Add(Under1000((int)(n / 1_000), hyphen) + " thousand");
            n %= 1_000;
        }

        if (n > 0)
        {
            parts.Add(Under1000((int)n, hyphen));
        }

        return string.Join(" ", parts);
    }

    /// <summary>An amount as an automated voice reads it and a speech-to-text engine writes it down.</summary>
    private static string SaidMoney(Draw draw, decimal amount)
    {
        var dollars = (long)decimal.Truncate(amount);
        var cents = (int)((amount - dollars) * 100m);
        var hyphen = draw.OneIn(2);
        string Cents() => cents == 0 ? (draw.OneIn(2) ? " dollars" : " dollars and zero cents") : " dollars and " + Under100(cents, hyphen) + " cents";
        return draw.Next(6) switch
        {
            0 or 1 => Usd(amount),
            2 => WholeWords(dollars, hyphen, hundreds: false) + Cents(),
            3 => WholeWords(dollars, hyphen, hundreds: true) + Cents(),
            4 => dollars.ToString("#,##0", Inv) + " dollars and " + cents.ToString(Inv) + " cents",
            _ => "$" + dollars.ToString("#,##0", Inv) + " and " + cents.ToString(Inv) + " cents",
        };
    }

    private static string SaidDate(Draw draw, DateOnly d)
    {
        var month = d.ToString("MMMM", Inv);
        return draw.Next(5) switch
        {
            0 => $"{month} {d.Day.ToString(Inv)}, {d.Year.ToString(Inv)}",
            1 => $"{month} {Ordinal(d.Day)}, {d.Year.ToString(Inv)}",
            2 => $"{month} {OrdinalWords[d.Day]}, {Under100(d.Year / 100, true)} {Under100(d.Year % 100, true)}",
            3 => $"{d.DayOfWeek}, {month} {Ordinal(d.Day)}, {d.Year.ToString(Inv)}",
            _ => d.ToString("MM/dd/yyyy", Inv),
        };
    }

    private static string SaidDigits(Draw draw, string digits) => draw.Next(4) switch
    {
        0 => digits,
        1 => string.Join("-", digits.ToCharArray()),
        2 => string.Join(" ", digits.ToCharArray()),
        _ => string.Join(" ", digits.Select(c => Small[c - '0'])),
    };

    private static string SaidZip(Draw draw, string zip) => draw.OneIn(2) ? zip : string.Join(" ", zip.Select(c => Small[c - '0']));

    /// <summary>A date in newspaper (AP) style, as many servicing letters are written: "Sept. 1, 2026", "March 1, 2026".</summary>
    private static string ApStyle(DateOnly d) =>
        (d.Month switch { 1 => "Jan.", 2 => "Feb.", 8 => "Aug.", 9 => "Sept.", 10 => "Oct.", 11 => "Nov.", 12 => "Dec.", _ => d.ToString("MMMM", Inv) })
        + " " + d.Day.ToString(Inv) + ", " + d.Year.ToString(Inv);

    private static string Ordinal(int day) => day.ToString(Inv) + (day % 100 is 11 or 12 or 13 ? "th" : (day % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}
