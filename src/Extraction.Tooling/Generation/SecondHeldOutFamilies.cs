using System.Globalization;
using Extraction.Core.Contracts;

namespace Extraction.Tooling.Generation;

/// <summary>
/// A second held-out set, written after the rules' first fixes by someone who did not read the rules (nor
/// their tests), so its wording owes nothing to them: a home-equity or mortgage servicer's letter quoting
/// both a reinstatement and a payoff, a card issuer's mobile-app screen, an auto lender's web chat with a
/// virtual assistant and an agent, a student-loan bill with a table of several loans, and a personal-loan
/// payoff letter with a right-aligned table. Measured only, never tuned to one by one.
/// </summary>
internal static class SecondHeldOutFamilies
{
    private static readonly string[] HomeServicers = ["Shellpoint Mortgage Servicing", "Cenlar FSB", "PHH Mortgage Services", "Carrington Mortgage Services", "Selene Finance", "Spring EQ"];
    private static readonly string[] AppCardIssuers = ["Capital One", "Citi", "Discover", "Bank of America", "Wells Fargo", "Navy Federal Credit Union", "Barclays US"];
    private static readonly string[] CardProducts = ["Quicksilver", "Double Cash", "Cash Rewards Visa", "Platinum Mastercard", "Active Cash", "cashRewards Signature", "View Mastercard"];
    private static readonly string[] AutoChatLenders = ["Ally Auto", "Toyota Financial Services", "American Honda Finance", "Capital One Auto Finance", "Santander Consumer USA", "Westlake Financial", "Bridgecrest"];
    private static readonly string[] BotNames = ["Ava", "Max", "Riley", "Sky", "Nova"];
    private static readonly string[] AgentNames = ["Marcus", "Priya", "Tanisha", "Jorge", "Kelsey", "Ibrahim"];
    private static readonly string[] Vehicles = ["2021 Honda CR-V EX", "2019 Toyota Camry SE", "2022 Ford F-150 XLT", "2020 Jeep Grand Cherokee", "2023 Kia Telluride S", "2018 Nissan Rogue SV"];
    private static readonly string[] StudentServicers = ["Aidvantage", "Nelnet", "MOHELA", "EdFinancial Services", "Navient", "Sallie Mae Bank"];
    private static readonly string[] StudentLoanTypes = ["Direct Subsidized Stafford", "Direct Unsubsidized Stafford", "Direct PLUS Graduate", "Direct Consolidated Unsub", "Direct Consolidated Sub"];
    private static readonly string[] RepaymentPlans = ["Standard", "Graduated", "Extended - Fixed", "Income-Based (IBR)", "Pay As You Earn"];
    private static readonly string[] PersonalLenders = ["SoFi Bank", "LendingClub Bank", "Upgrade, Inc.", "Best Egg", "LightStream", "Upstart Network"];
    private static readonly string[] Borrowers = ["Jordan A. Whitfield", "Maria L. Ortega", "Kevin Tran", "Shanice Robinson", "Patrick O'Neill", "Aisha Rahman"];
    private static readonly string[] Streets = ["Birchwood Ln", "Cedar Ridge Dr", "Old Mill Rd", "Harbor View Ct", "Magnolia Ave", "W 14th St"];
    private static readonly string[] Towns = ["Columbus, OH 43215", "Mesa, AZ 85201", "Raleigh, NC 27603", "Tacoma, WA 98402", "Plano, TX 75024", "Tampa, FL 33611"];
    private static readonly string[] Merchants = ["SHELL OIL 57444", "TRADER JOE'S #552", "SPOTIFY USA", "UBER *TRIP", "COSTCO WHSE #1123", "CHEWY.COM", "STARBUCKS STORE 10457", "HOME DEPOT #6611"];
    private static readonly string[] Returns = ["RETURN: TARGET 00012", "CREDIT: AMAZON MKTPL", "REFUND: OLD NAVY #3021", "RETURN: BEST BUY 00471"];

    public static IEnumerable<DocumentFamily> All =>
    [
        new("heloc-reinstatement-vs-payoff-letter", FamilySet.HeldOut, 10, "a home-equity or mortgage servicer's letter quoting a reinstatement amount and a payoff amount; only the payoff is the answer", ReinstatementOrPayoffLetter),
        new("card-mobile-app-screen", FamilySet.HeldOut, 10, "a card issuer's mobile-app screen as text: current, statement and remaining statement balances, recent activity", CardAppScreen),
        new("auto-loan-web-chat", FamilySet.HeldOut, 10, "an auto lender's web chat: a virtual assistant gives the payoff, a live agent the per-day interest and next payment", AutoLoanWebChat),
        new("student-loan-multi-loan-bill", FamilySet.HeldOut, 10, "a student-loan monthly bill in plain text: a table of several loans with per-loan rates, a total row and a coupon", StudentLoanBill),
        new("personal-loan-payoff-right-aligned", FamilySet.HeldOut, 10, "a personal-loan payoff letter: right-aligned amount table, per diem written as interest of $X per day, APR beside the rate", PersonalLoanPayoffLetter),
    ];

    private static SyntheticDocument ReinstatementOrPayoffLetter(Draw draw, TextFormats format, DateOnly asOf)
    {
        var servicer = draw.Pick(HomeServicers);
        var heloc = draw.OneIn(2);
        var last4 = draw.Last4();
        var loanNumber = "0" + draw.Next(100_000, 1_000_000).ToString(CultureInfo.InvariantCulture) + last4;
        var line = draw.Next(5, 50) * 5_000m;
        var principal = heloc ? draw.Amount(line * 0.3m, line * 0.98m) : draw.Amount(60_000, 480_000);
        var prime = 7m + (draw.Next(0, 7) * 0.25m);
        var margin = draw.Next(0, 9) * 0.25m;
        var rate = heloc ? prime + margin : Math.Round(draw.Rate(3, 8) * 8) / 8;
        var perDiem = Math.Round(principal * rate / 100 / 365, 2);
        var installment = heloc ? Math.Round(principal * rate / 1_200, 2) : draw.Amount(900, 3_900);
        var missed = draw.Next(1, 4);
        var paidTo = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(-missed);
        var goodThrough = asOf.AddDays(draw.Next(7, 31));
        var reinstateThrough = asOf.AddDays(draw.Next(3, 15));
        var interest = perDiem * (goodThrough.DayNumber - paidTo.DayNumber);
        var lateCharges = missed * draw.Next(2, 7) * 10m;
        var inspection = draw.OneIn(2) ? draw.Next(1, 4) * 15m : 0m;
        var release = draw.Next(2, 9) * 10m;
        var payoff = principal + interest + lateCharges + inspection + release;
        var reinstate = (installment * missed) + lateCharges + inspection;
        var escrow = draw.Amount(250, 4_500);
        var dollars = draw.OneIn(2);
        string Row(string label, decimal m) => $"  {label,-52}{(dollars ? Usd(m) : Plain(m)),14}";
        var goodText = format.Date(goodThrough);
        var product = heloc ? "Home Equity Line of Credit" : draw.Pick("Conventional First Mortgage", "FHA First Mortgage", "VA Home Loan");
        var rateLine = heloc
            ? $"Current interest rate: {rate.ToString("0.000", CultureInfo.InvariantCulture)}% (variable; Prime Rate {prime.ToString("0.00", CultureInfo.InvariantCulture)}% + margin {margin.ToString("0.00", CultureInfo.InvariantCulture)}%)"
            : $"Note rate: {rate.ToString("0.000", CultureInfo.InvariantCulture)}% fixed";
        var accountLine = heloc
            ? $"Credit limit: {Usd(line)}    Available credit: $0.00 (draws suspended while the account is past due)"
            : $"Escrow balance: {Usd(escrow)}. Escrow funds are not deducted from the payoff; any balance remaining after payoff is refunded to you within 30 days.";
        var perDiemLine = draw.Pick(
            $"Per diem: {Usd(perDiem)} for each day after {goodText}.",
            $"If funds are received after {goodText}, add {Usd(perDiem)} per diem for each additional day.",
            $"Daily interest accrual after the good-through date: {Usd(perDiem)}.");
        var text = $"""
            {servicer}
            Loan Servicing - Payoff & Reinstatement Unit
            P.O. Box {draw.Next(10_000, 99_999)}, {draw.Pick(Towns)}
            Phone (800) 555-{draw.Next(1_000, 9_999)}   Fax (866) 555-{draw.Next(1_000, 9_999)}

            {format.Date(asOf)}

            {draw.Pick(Borrowers)}
            {draw.Next(100, 9_999)} {draw.Pick(Streets)}
            {draw.Pick(Towns)}

            RE:          {product}
            Loan No.:    {loanNumber}

            Dear Borrower:

            You asked for the amount needed to bring your account current and for the amount needed to pay it
            off in full. Both figures are shown below; please send only one of them. Reinstating keeps the loan
            open and regular monthly payments continue. Paying off closes the loan and we will release our lien.

            REINSTATEMENT QUOTE - valid through {format.Date(reinstateThrough)}
            {Row($"Monthly installments past due ({missed} x {Usd(installment)})", installment * missed)}
            {Row("Late charges assessed", lateCharges)}
            {Row("Property inspection fees", inspection)}
            {Row("AMOUNT REQUIRED TO REINSTATE", reinstate)}

            PAYOFF QUOTE - good through {goodText}
            {Row("Unpaid principal balance", principal)}
            {Row($"Interest from {format.ShortDate(paidTo)} to {format.ShortDate(goodThrough)}", interest)}
            {Row("Late charges assessed", lateCharges)}
            {Row("Property inspection fees", inspection)}
            {Row("Lien release / recording fee", release)}
            {Row("TOTAL AMOUNT REQUIRED TO PAY IN FULL", payoff)}

            {perDiemLine}
            {rateLine}
            {accountLine}

            Wire to: ABA 0{draw.Next(10_000_000, 99_999_999)}, beneficiary account {draw.Next(10_000_000, 99_999_999)}, reference loan {loanNumber}.
            Personal checks are not accepted for payoff. These figures are subject to final audit.
            """;
        return new(LiabilityType.Mortgage, SourceKind.PayoffLetter, servicer, text, new ExtractedFields
        {
            PayoffAmount = payoff, PayoffGoodThrough = goodThrough, PerDiem = perDiem, PrincipalBalance = principal,
            EscrowBalance = heloc ? null : escrow, InterestRatePct = rate, AccountLast4 = last4, // fields.v1: creditLimit is a card's field, not a HELOC's line
        });
    }

    private static SyntheticDocument CardAppScreen(Draw draw, TextFormats format, DateOnly asOf)
    {
        var issuer = draw.Pick(AppCardIssuers);
        var card = draw.Pick(CardProducts);
        var last4 = draw.Last4();
        var limit = draw.Next(3, 61) * 500m;
        var statement = draw.Amount(60, limit * 0.95m);
        var minimum = Math.Max(35m, Math.Ceiling(statement * 0.025m));
        var closing = asOf.AddDays(-draw.Next(2, 21));
        var due = closing.AddDays(25);
        var credit = draw.OneIn(3) ? 0m : draw.Amount(8, Math.Min(150m, statement * 0.5m));
        var remaining = statement - credit;
        var activity = new List<string>();
        var posted = 0m;
        var pending = 0m;
        var count = draw.Next(2, 5);
        for (var i = 0; i < count; i++)
        {
            var amount = draw.Amount(4, 120);
            if (i == 0)
            {
                pending += amount;
                activity.Add($"  Pending   {draw.Pick(Merchants),-24}{Usd(amount),12}");
            }
            else
            {
                posted += amount;
                var day = closing.AddDays(draw.Next(1, asOf.DayNumber - closing.DayNumber + 1));
                activity.Add($"  {day.ToString("MMM d", CultureInfo.InvariantCulture),-8}  {draw.Pick(Merchants),-24}{Usd(amount),12}");
            }
        }

        if (credit > 0)
        {
            activity.Add($"  {closing.AddDays(1).ToString("MMM d", CultureInfo.InvariantCulture),-8}  {draw.Pick(Returns),-24}{"-" + Usd(credit),12}");
        }

        var current = remaining + posted;
        var available = Math.Max(0m, limit - current - pending);
        var apr = Math.Round(draw.Rate(18, 30), 2);
        var showApr = draw.OneIn(2);
        var limitText = draw.OneIn(2) ? Usd(limit) : limit.ToString("$#,##0", CultureInfo.InvariantCulture);
        var statementLabel = draw.Pick("Statement balance", "Last statement balance", "Statement Balance");
        var remainingLabel = draw.Pick("Remaining statement balance", "Remaining statement bal.", "Remaining Statement Balance");
        var dueText = draw.OneIn(2) ? "Due " + due.ToString("MMM d, yyyy", CultureInfo.InvariantCulture) : "Payment due date  " + format.Date(due);
        var rates = showApr
            ? $"""
              Interest rates
                Purchase APR                 {apr.ToString("0.00", CultureInfo.InvariantCulture)}%
                Cash advance APR             {(apr + 5m).ToString("0.00", CultureInfo.InvariantCulture)}%
                Balance transfer APR         {apr.ToString("0.00", CultureInfo.InvariantCulture)}%
              """
            : "Interest rates  >";
        var text = $"""
            {draw.Next(7, 12)}:{draw.Next(10, 60)}                                  LTE  {draw.Next(12, 100)}%
            <  Accounts                 {issuer}
            {card} •••• {last4}

            Current balance
            {Usd(current)}
            Available credit {Usd(available)}  |  Credit limit {limitText}

            ---------------------------------------------
            {statementLabel,-30}{Usd(statement),14}
            {remainingLabel,-30}{Usd(remaining),14}
            {"Minimum payment due",-30}{Usd(minimum),14}
            {dueText}
            [ Pay card ]            [ Set up AutoPay ]
            ---------------------------------------------
            Statement closed {closing.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)}   View statements  >

            Recent activity
            {string.Join("\n", activity)}

            {rates}
            Rewards  {draw.Next(200, 60_000).ToString("#,##0", CultureInfo.InvariantCulture)} miles available
            Lost or stolen card? Call 1-800-555-{draw.Next(1_000, 9_999)}
            """;
        return new(LiabilityType.CreditCard, SourceKind.PortalPage, issuer, text, new ExtractedFields
        {
            StatementBalance = statement, MinimumPayment = minimum, NextPaymentDueDate = due,
            InterestRatePct = showApr ? apr : null, CreditLimit = limit, AccountLast4 = last4,
        });
    }

    private static SyntheticDocument AutoLoanWebChat(Draw draw, TextFormats format, DateOnly asOf)
    {
        var lender = draw.Pick(AutoChatLenders);
        var bot = draw.Pick(BotNames);
        var agent = draw.Pick(AgentNames);
        var vehicle = draw.Pick(Vehicles);
        var last4 = draw.Last4();
        var principal = draw.Amount(3_500, 48_000);
        var rate = Math.Round(draw.Rate(2.9m, 21.9m), 2);
        var perDiem = Math.Round(principal * rate / 100 / 365, 2);
        var lastPaid = asOf.AddDays(-draw.Next(3, 28));
        var goodThrough = asOf.AddDays(draw.OneIn(2) ? 10 : draw.Next(7, 21));
        var payoff = principal + (perDiem * (goodThrough.DayNumber - lastPaid.DayNumber));
        var payment = draw.Amount(280, 950);
        var due = lastPaid.AddMonths(1);
        var showRate = draw.OneIn(2);
        var showNext = !draw.OneIn(3);
        var botCard = draw.OneIn(2);
        var tradeIn = Math.Round(principal * (0.8m + (draw.Next(0, 60) / 100m)) / 100) * 100;
        var goodText = format.Date(goodThrough);
        var lastPaidText = format.Date(lastPaid);
        var clock = new TimeOnly(draw.Next(8, 20), draw.Next(0, 50));
        var lines = new List<string>
        {
            $"Chat transcript - {lender}",
            $"Started {format.Date(asOf)}  |  Conversation ID: CHT-{draw.Next(10_000_000, 99_999_999)}",
            string.Empty,
        };
        var botTag = $"{bot} (virtual assistant)";
        var agentTag = $"{agent} ({lender} Agent)";
        void Say(string who, string what)
        {
            lines.Add($"[{clock.ToString("h:mm tt", CultureInfo.InvariantCulture)}] {who}: {what}");
            clock = clock.AddMinutes(draw.Next(0, 3));
        }

        Say(botTag, $"Hi there! I'm {bot}, {lender}'s virtual assistant. What can I help you with today?");
        Say("You", draw.Pick("need a payoff quote, trading my car in", "payoff amount please", "how much to pay off my car loan"));
        Say(botTag, $"Sure thing. Is this for your auto loan ending in {last4} ({vehicle})?");
        Say("You", "yes");
        if (botCard)
        {
            Say(botTag, "Here's your payoff quote:");
            lines.Add($"    Payoff amount .......... {Usd(payoff)}");
            lines.Add($"    Good through ........... {goodText}");
            lines.Add($"    Quote #: PQ{draw.Next(100_000, 999_999)}");
            Say("You", "is that what I owe? seems higher than my balance");
            Say(botTag, $"Your principal balance is {Usd(principal)}. The payoff adds interest accrued since your last payment on {lastPaidText}, so it is a little higher.");
            Say("You", "what if the dealer sends it late");
            Say(botTag, "Let me connect you with a team member who can help with that.");
            lines.Add($"--- {agent} has joined the chat ---");
            Say(agentTag, $"Hi, this is {agent}. If the funds arrive after {goodText}, just add {draw.Pick("interest of ", "per diem interest of ", string.Empty)}{Usd(perDiem)} per day, or request a fresh quote.");
        }
        else
        {
            Say(botTag, "Payoff quotes for trade-ins are handled by our team. Connecting you now - average wait is under 2 minutes.");
            lines.Add($"--- {agent} has joined the chat ---");
            Say(agentTag, $"Thanks for waiting! I've pulled up the loan ending {last4}. Your principal balance today is {Usd(principal)}.");
            Say(agentTag, $"The payoff is {Usd(payoff)}, good through {format.SpokenDate(goodThrough)}. That includes interest since your last payment on {lastPaidText}.");
            Say("You", "and after that date?");
            Say(agentTag, $"The per diem is {Usd(perDiem)}, so add that for each day past the good-through date.");
        }

        if (draw.OneIn(2))
        {
            Say("You", $"ok. dealer is giving me {Usd(tradeIn)} for it so should be fine");
        }

        if (showNext)
        {
            Say("You", "do I still need to make my payment this month?");
            Say(agentTag, $"Yes, please keep paying until the payoff posts. Your next payment of {Usd(payment)} is due {format.Date(due)}.");
        }

        if (showRate)
        {
            Say("You", "what's my interest rate btw");
            Say(agentTag, $"Your contract rate is {rate.ToString("0.00", CultureInfo.InvariantCulture)}% APR.");
        }

        Say(agentTag, $"Dealers can also get payoff figures 24/7 at 1-888-555-{draw.Next(1_000, 9_999)}. Anything else I can help with?");
        Say("You", "no thanks");
        lines.Add($"--- Chat ended by {agent} ---");
        return new(LiabilityType.AutoLoan, SourceKind.CallTranscript, lender, string.Join("\n", lines), new ExtractedFields
        {
            PayoffAmount = payoff, PayoffGoodThrough = goodThrough, PerDiem = perDiem, PrincipalBalance = principal,
            NextPaymentAmount = showNext ? payment : null, NextPaymentDueDate = showNext ? due : null,
            InterestRatePct = showRate ? rate : null, AccountLast4 = last4,
        });
    }

    private static SyntheticDocument StudentLoanBill(Draw draw, TextFormats format, DateOnly asOf)
    {
        var servicer = draw.Pick(StudentServicers);
        var last4 = draw.Last4();
        var account = draw.Next(100_000, 1_000_000).ToString(CultureInfo.InvariantCulture) + last4;
        var due = asOf.AddDays(draw.Next(18, 29));
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

        var average = Math.Round(weighted / totalPrincipal, 3);
        var showAverage = !draw.OneIn(3);
        var lastPayment = asOf.AddDays(-draw.Next(5, 25));
        var ytd = draw.Amount(50, 2_400);
        var dueText = format.Date(due);
        var averageLine = showAverage ? $"Weighted Average Interest Rate .... {average.ToString("0.000", CultureInfo.InvariantCulture)}%" : "Interest rates are shown for each loan below.";
        var text = $"""
            {servicer.ToUpperInvariant()}                               MONTHLY BILLING STATEMENT
            PO Box {draw.Next(1_000, 99_999)}                                      Statement Date: {format.Date(asOf)}
            {draw.Pick(Towns)}                             Account Number: {account}
            1-888-555-{draw.Next(1_000, 9_999)}  Mon-Fri 8am-9pm ET

              +-------------------------------------------+
              |  Current Amount Due        {Usd(totalMonthly),14} |
              |  Payment Due Date          {dueText,14} |
              +-------------------------------------------+

            ACCOUNT SUMMARY
            Total Principal Balance ........... {Usd(totalPrincipal)}
            Total Unpaid Interest ............. {Usd(totalInterest)}
            Past Due Amount ................... $0.00
            Payment Received {format.ShortDate(lastPayment)} ....... {Usd(totalMonthly)}
            Interest Paid This Year ........... {Usd(ytd)}
            Repayment Plan: {draw.Pick(RepaymentPlans)}
            {averageLine}

            LOAN DETAIL
            {"Loan",4}   {"Loan Type",-30}{"Disbursed",11}{"Rate",9}{"Principal",13}{"Unpaid Int",11}{"Monthly Amt",13}
            {string.Join("\n", rows)}
            {"",7}{"TOTAL",-50}{Plain(totalPrincipal),13}{Plain(totalInterest),11}{Plain(totalMonthly),13}

            Unpaid interest is not added to your principal unless it is capitalized. Paying more than the amount
            due? Extra payments go first to unpaid interest, then to principal of the loan with the highest rate.

            - - - - - - - - - - - - - - - - detach and return with your payment - - - - - - - - - - - - - - - -
            Account Number: {account}       Due Date: {dueText}       Amount Due: {Usd(totalMonthly)}
            Amount Enclosed: $__________        Make checks payable to: {servicer}
            """;
        return new(LiabilityType.StudentLoan, SourceKind.Statement, servicer, text, new ExtractedFields
        {
            PrincipalBalance = totalPrincipal, NextPaymentAmount = totalMonthly, NextPaymentDueDate = due,
            InterestRatePct = showAverage ? average : null, AccountLast4 = last4,
        });
    }

    private static SyntheticDocument PersonalLoanPayoffLetter(Draw draw, TextFormats format, DateOnly asOf)
    {
        var lender = draw.Pick(PersonalLenders);
        var last4 = draw.Last4();
        var loanNumber = $"{draw.Next(1_000, 10_000)}-{draw.Next(1_000, 10_000)}-{last4}";
        var original = draw.Next(4, 80) * 500m;
        var principal = draw.Amount(original * 0.15m, original * 0.9m);
        var rate = Math.Round(draw.Rate(6, 29.99m), 2);
        var apr = rate + Math.Round(draw.Rate(0.5m, 4), 2);
        var perDiem = Math.Round(principal * rate / 100 / 365, 2);
        var lastPaid = asOf.AddDays(-draw.Next(1, 26));
        var goodThrough = asOf.AddDays(draw.Next(7, 31));
        var interest = perDiem * (goodThrough.DayNumber - lastPaid.DayNumber);
        var lateFee = draw.OneIn(4) ? draw.Next(3, 8) * 5m : 0m;
        var payoff = principal + interest + lateFee;
        var payment = draw.Amount(90, 900);
        var due = lastPaid.AddMonths(1);
        var showApr = draw.OneIn(2);
        var showNext = draw.OneIn(2);
        var term = draw.Pick("36", "48", "60", "72");
        var goodText = format.Date(goodThrough);
        static string Row(string label, decimal m) => $"  {label,-44}{Usd(m),16}";
        var nextLine = showNext
            ? $"Your next scheduled payment of {Usd(payment)} is due {format.Date(due)}. If AutoPay is on and your payoff has not posted by then, it will still be drafted."
            : "If you are enrolled in AutoPay, please cancel it online once your payoff has posted.";
        var rateLine = showApr
            ? $"Interest rate: {rate.ToString("0.00", CultureInfo.InvariantCulture)}%    APR: {apr.ToString("0.00", CultureInfo.InvariantCulture)}% (includes origination fee)"
            : $"Your fixed interest rate is {rate.ToString("0.00", CultureInfo.InvariantCulture)}%.";
        var text = $"""
            {lender}
            Loan Payoff Statement

            Date:           {format.Date(asOf)}
            Borrower:       {draw.Pick(Borrowers)}
            Loan number:    {loanNumber}
            Original amount {Usd(original)}, {term}-month term

            Thank you for asking about paying off your loan early. There is no prepayment penalty. The total
            below pays your loan in full if we receive it on or before {goodText}.

            {"",-56}Amount
            {Row("Principal balance", principal)}
            {Row($"Interest accrued {format.ShortDate(lastPaid)} - {format.ShortDate(goodThrough)}", interest)}
            {Row("Unpaid late fees", lateFee)}
            {Row("Returned payment fees", 0m)}
            {"",48}--------------
            {Row("Total payoff amount", payoff)}

            If we receive your payment after {goodText}, please add interest of {Usd(perDiem)} per day.
            {rateLine}
            {nextLine}

            How to pay: online at Account > Pay Off Loan, by debit card at (855) 555-{draw.Next(1_000, 9_999)}, or by check
            mailed to P.O. Box {draw.Next(10_000, 99_999)}, {draw.Pick(Towns)}. Write your loan number on the check.
            """;
        return new(LiabilityType.PersonalLoan, SourceKind.PayoffLetter, lender, text, new ExtractedFields
        {
            PayoffAmount = payoff, PayoffGoodThrough = goodThrough, PerDiem = perDiem, PrincipalBalance = principal,
            NextPaymentAmount = showNext ? payment : null, NextPaymentDueDate = showNext ? due : null,
            InterestRatePct = rate, AccountLast4 = last4,
        });
    }

    private static string Usd(decimal amount) => amount.ToString("$#,##0.00", CultureInfo.InvariantCulture);

    private static string Plain(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);
}
