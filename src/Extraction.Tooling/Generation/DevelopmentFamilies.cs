using System.Globalization;
using Extraction.Core.Contracts;

namespace Extraction.Tooling.Generation;

/// <summary>
/// Shapes beyond the core that the rules and checks may be developed against: figures said aloud, an
/// e-statement saved as HTML, a card statement with several balances, a call where the agent cannot
/// give the figure, an escrow analysis with a shortage or an overage.
/// </summary>
internal static class DevelopmentFamilies
{
    private static readonly string[] AutoLenders = ["Santander Consumer USA", "Bridgecrest", "Hyundai Capital America", "Honda Financial Services", "Exeter Finance"];
    private static readonly string[] MortgageServicers = ["Shellpoint Mortgage Servicing", "NewRez", "Carrington Mortgage Services", "Cenlar", "Lakeview Loan Servicing"];
    private static readonly string[] CardIssuers = ["Capital One", "Wells Fargo Card Services", "Barclays", "U.S. Bank", "Navy Federal"];
    private static readonly string[] AgentNames = ["Maria", "James", "Keisha", "Tom", "Priya", "Luis"];

    public static IEnumerable<DocumentFamily> All =>
    [
        new("auto-payoff-call-spoken", FamilySet.Development, 10, "an auto payoff call with figures and dates said aloud (words, ordinals, weekdays)", SpokenAutoCall),
        new("mortgage-statement-html", FamilySet.Development, 10, "a mortgage e-statement saved as an HTML table", HtmlMortgageStatement),
        new("card-statement-balances", FamilySet.Development, 10, "a card statement with previous, new and average daily balances", CardWithSeveralBalances),
        new("payoff-call-no-figure", FamilySet.Development, 6, "a payoff call where the agent cannot give the figure", CallWithoutFigure),
        new("escrow-analysis", FamilySet.Development, 8, "an annual escrow analysis with a shortage or an overage", EscrowAnalysis),
    ];

    private static SyntheticDocument SpokenAutoCall(Draw draw, TextFormats format, DateOnly asOf)
    {
        var lender = draw.Pick(AutoLenders);
        var last4 = draw.Last4();
        var principal = draw.Amount(3_000, 38_000);
        var rate = draw.Rate(3, 19);
        var perDiem = Math.Round(principal * rate / 100 / 365, 2);
        var goodThrough = asOf.AddDays(draw.Next(7, 21));
        var payoff = principal + (perDiem * (goodThrough.DayNumber - asOf.DayNumber));
        var agent = draw.Pick(AgentNames);
        var perDiemLine = draw.Next(3) switch
        {
            0 => $"After that date the per diem is {format.SpokenMoney(perDiem)}.",
            1 => $"After that, interest accrues at {format.SpokenMoney(perDiem)} per day.",
            _ => $"If it arrives later, add daily interest of {format.SpokenMoney(perDiem)} for each extra day.",
        };
        var text = $"""
            Agent: Good afternoon, {lender}, this is {agent}. Can I have the account number?
            Customer: Sure, it's the loan ending in {last4}.
            Agent: Thank you. I see a balance of principal of {format.SpokenMoney(principal)}. Do you want a ten-day payoff?
            Customer: Yes please.
            Agent: Okay. Your payoff amount is {format.SpokenMoney(payoff)}, and that is good through {format.SpokenDate(goodThrough)}.
            Agent: {perDiemLine}
            Customer: Perfect, thank you.
            """;
        return new(LiabilityType.AutoLoan, SourceKind.CallTranscript, lender, text,
            new ExtractedFields { PayoffAmount = payoff, PayoffGoodThrough = goodThrough, PerDiem = perDiem, PrincipalBalance = principal, AccountLast4 = last4 });
    }

    private static SyntheticDocument HtmlMortgageStatement(Draw draw, TextFormats format, DateOnly asOf)
    {
        var servicer = draw.Pick(MortgageServicers);
        var last4 = draw.Last4();
        var principal = draw.Amount(60_000, 700_000);
        var rate = draw.Rate(2.5m, 8);
        var pAndI = draw.Amount(500, 4_500);
        var escrowPart = draw.Amount(150, 1_200);
        var due = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(1);
        var shortage = draw.OneIn(5);
        var escrow = shortage ? -draw.Amount(50, 1_500) : draw.Amount(300, 9_000);
        var escrowRow = shortage
            ? $"<tr><td>Escrow Shortage</td><td class=\"neg\">{format.Money(-escrow)}</td></tr>"
            : $"<tr><td>Escrow Balance</td><td>{format.Money(escrow)}</td></tr>";
        var text = $"""
            <html><head><style>td.neg {"{"} color: #b00 {"}"}</style></head><body>
            <h1>{servicer}</h1>
            <p>Statement Date: {format.Date(asOf)}<br/>Loan Number: ******{last4}</p>
            <table class="due">
              <tr><th>Payment Due Date</th><th>Amount Due</th></tr>
              <tr><td>{format.Date(due)}</td><td>{format.Money(pAndI + escrowPart)}</td></tr>
            </table>
            <table class="info">
              <tr><td>Principal and Interest</td><td>{format.Money(pAndI)}</td></tr>
              <tr><td>Escrow (for Taxes and Insurance)</td><td>{format.Money(escrowPart)}</td></tr>
              <tr><td>Outstanding Principal Balance</td><td>{format.Money(principal)}</td></tr>
              <tr><td>Interest Rate</td><td>{format.Rate(rate)}</td></tr>
              {escrowRow}
            </table>
            <script>window.dataLayer = [{"{"}page: "statement", width: 1280{"}"}];</script>
            </body></html>
            """;
        return new(LiabilityType.Mortgage, SourceKind.Statement, servicer, text, new ExtractedFields
        {
            PrincipalBalance = principal, EscrowBalance = escrow, NextPaymentAmount = pAndI + escrowPart,
            NextPaymentDueDate = due, InterestRatePct = rate, AccountLast4 = last4,
        });
    }

    private static SyntheticDocument CardWithSeveralBalances(Draw draw, TextFormats format, DateOnly asOf)
    {
        var issuer = draw.Pick(CardIssuers);
        var last4 = draw.Last4();
        var limit = draw.Next(2, 40) * 500m;
        var previous = draw.Amount(0, limit * 0.6m);
        var payments = Math.Min(previous, draw.Amount(25, 2_000));
        var purchases = draw.Amount(10, limit * 0.3m);
        var interest = draw.OneIn(2) ? 0m : draw.Amount(1, 90);
        var balance = previous - payments + purchases + interest;
        var minimum = Math.Max(Math.Min(35m, balance), Math.Round(balance * 0.025m, 2));
        var due = asOf.AddDays(draw.Next(21, 26));
        var apr = Math.Round(draw.Rate(15, 30), 2);
        var text = $"""
            {issuer}
            Account ending {last4}                Closing Date {format.Date(asOf)}

            ACCOUNT SUMMARY
              Previous Balance                    {format.Money(previous)}
              Payments and Credits                -{format.Money(payments)}
              Purchases                           +{format.Money(purchases)}
              Interest Charged                    +{format.Money(interest)}
              New Balance                         {format.Money(balance)}

            PAYMENT INFORMATION
              Minimum Payment Due                 {format.Money(minimum)}
              Payment Due Date                    {format.Date(due)}
              If you pay only the minimum payment each period, you will pay more in interest.

            Credit Limit {format.Money(limit)}    Available Credit {format.Money(limit - balance)}
            Average Daily Balance {format.Money(draw.Amount(0, limit * 0.7m))}
            Annual Percentage Rate (APR): Purchases {apr.ToString("0.00", CultureInfo.InvariantCulture)}%  Cash Advances 29.99%
            """;
        return new(LiabilityType.CreditCard, SourceKind.Statement, issuer, text, new ExtractedFields
        {
            StatementBalance = balance, MinimumPayment = minimum, NextPaymentDueDate = due,
            InterestRatePct = apr, CreditLimit = limit, AccountLast4 = last4,
        });
    }

    private static SyntheticDocument CallWithoutFigure(Draw draw, TextFormats format, DateOnly asOf)
    {
        var lender = draw.Pick(AutoLenders);
        var last4 = draw.Last4();
        var principal = draw.Amount(2_000, 30_000);
        var agent = draw.Pick(AgentNames);
        var reason = draw.Pick(
            "the account is in a repossession status, so payoff quotes come from our recovery department",
            "the title is held by a third party, so I can't generate a payoff quote today",
            "our payoff system is down right now");
        var text = $"""
            Agent: {lender}, this is {agent}. How can I help you today?
            Customer: I need a payoff amount on my loan ending in {last4}.
            Agent: I'm sorry, {reason}. I can't give you a payoff figure on this call.
            Customer: Can you at least tell me what I still owe?
            Agent: The principal balance shows {format.Money(principal)}, but that is not a payoff amount; interest and fees are added.
            Customer: Okay, I'll call back.
            """;
        return new(LiabilityType.AutoLoan, SourceKind.CallTranscript, lender, text,
            new ExtractedFields { PrincipalBalance = principal, AccountLast4 = last4 });
    }

    private static SyntheticDocument EscrowAnalysis(Draw draw, TextFormats format, DateOnly asOf)
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
