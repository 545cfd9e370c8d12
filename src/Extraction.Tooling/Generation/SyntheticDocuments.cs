using System.Globalization;
using Extraction.Core.Contracts;

namespace Extraction.Tooling.Generation;

internal sealed record SyntheticDocument(LiabilityType LiabilityType, SourceKind Kind, string Lender, string Text, ExtractedFields Fields);

/// <summary>Document templates per liability type and source kind, each filled with consistent numbers.</summary>
internal sealed class SyntheticDocuments(Random random, TextFormats format)
{
    private static readonly string[] AutoLenders = ["Toyota Financial Services", "Ally Financial", "Chase Auto", "GM Financial", "Capital One Auto Finance", "Westlake Financial"];
    private static readonly string[] MortgageLenders = ["Rocket Mortgage", "U.S. Bank Home Mortgage", "PennyMac", "Mr. Cooper", "Wells Fargo Home Mortgage", "Freedom Mortgage", "LoanDepot"];
    private static readonly string[] CardIssuers = ["Bank of America", "Synchrony Bank", "Discover", "Citi", "American Express"];
    private static readonly string[] StudentServicers = ["EdFinancial", "Sallie Mae", "Aidvantage", "Nelnet", "MOHELA"];
    private static readonly string[] PersonalLenders = ["Best Egg", "Upstart", "LendingClub", "SoFi"];
    private static readonly string[] Agents = ["CSR", "Agent", "Representative", "Rep"];
    private static readonly string[] Callers = ["Customer", "Caller", "Borrower"];

    public SyntheticDocument Next(DateOnly asOf) => random.Next(100) switch
    {
        < 17 => AutoCall(asOf),
        < 23 => PayoffLetter(asOf, LiabilityType.AutoLoan, Pick(AutoLenders), 4_000, 45_000),
        < 34 => PayoffLetter(asOf, LiabilityType.Mortgage, Pick(MortgageLenders), 80_000, 650_000),
        < 40 => PayoffLetter(asOf, LiabilityType.PersonalLoan, Pick(PersonalLenders), 2_000, 40_000),
        < 64 => MortgageStatement(asOf),
        < 80 => CardStatement(asOf),
        _ => StudentPortal(asOf),
    };

    private SyntheticDocument AutoCall(DateOnly asOf)
    {
        var lender = Pick(AutoLenders);
        var (agent, caller) = (Pick(Agents), Pick(Callers));
        var last4 = Last4();
        var payoff = Amount(3_000, 40_000);
        var perDiem = Amount(0.5m, 9);
        var goodThrough = asOf.AddDays(random.Next(10, 31));
        var quote = random.Next(2) == 0
            ? $"{agent}: The payoff amount is {format.Money(payoff)}, good through {format.Date(goodThrough)}. The per diem is {format.Money(perDiem)}."
            : $"{agent}: Your payoff amount is {format.Money(payoff)} and it is good through {format.Date(goodThrough)}. After that, daily interest of {format.Money(perDiem)} applies.";
        var text = $"""
            {agent}: Thank you for calling {lender}, this call may be recorded. How can I help?
            {caller}: Hi, I'm calling to get a payoff quote on an auto loan ending in {last4}.
            {agent}: Sure. I can see the account. Your last payment of {format.Money(Amount(200, 900))} posted on {format.Date(asOf.AddDays(-random.Next(1, 20)))}.
            {caller}: Great, and what's the payoff?
            {quote}
            {caller}: Thanks, that's all I needed.
            """;
        return new(LiabilityType.AutoLoan, SourceKind.CallTranscript, lender, text,
            new ExtractedFields { PayoffAmount = payoff, PayoffGoodThrough = goodThrough, PerDiem = perDiem, AccountLast4 = last4 });
    }

    private SyntheticDocument PayoffLetter(DateOnly asOf, LiabilityType type, string lender, decimal min, decimal max)
    {
        var last4 = Last4();
        var principal = Amount(min, max);
        var rate = Rate(2, type == LiabilityType.PersonalLoan ? 24 : 9);
        var goodThrough = asOf.AddDays(random.Next(10, 31));
        var perDiem = Math.Round(principal * rate / 100 / 365, 2);
        var interest = perDiem * (goodThrough.DayNumber - asOf.DayNumber);
        var fees = random.Next(0, 4) * 25m;
        var payoff = principal + interest + fees;
        var text = $"""
            {lender}
            PAYOFF STATEMENT
            Date: {format.Date(asOf)}
            Loan number: XXXXXX{last4}

            Dear Borrower,
            As requested, the amount required to pay the above loan in full is shown below. The figures are valid through {format.Date(goodThrough)}.

              Unpaid Principal Balance          {format.Money(principal),18}
              Interest to {goodThrough.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture)}           {format.Money(interest),18}
              Fees                              {format.Money(fees),18}
              Total Payoff Amount               {format.Money(payoff),18}

            Interest rate: {format.Rate(rate)}
            Daily interest (per diem) after {goodThrough.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture)}: {format.Money(perDiem)}
            Please remit certified funds. Personal checks will delay the release of lien.
            """;
        return new(type, SourceKind.PayoffLetter, lender, text, new ExtractedFields
        {
            PayoffAmount = payoff, PayoffGoodThrough = goodThrough, PerDiem = perDiem, PrincipalBalance = principal,
            InterestRatePct = rate, AccountLast4 = last4,
        });
    }

    private SyntheticDocument MortgageStatement(DateOnly asOf)
    {
        var lender = Pick(MortgageLenders);
        var last4 = Last4();
        var principal = Amount(60_000, 700_000);
        var rate = Rate(2.5m, 8);
        var pAndI = Amount(500, 4_500);
        var escrowPart = Amount(150, 1_200);
        var due = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(1);
        var shortage = random.Next(6) == 0;
        var escrow = shortage ? -Amount(50, 1_500) : Amount(300, 9_000);
        var text = $"""
            {lender}
            Mortgage Statement        Statement Date: {format.Date(asOf)}
            Account Number: ******{last4}

            Payment Due Date: {format.Date(due)}
            Amount Due: {format.Money(pAndI + escrowPart)}

            Explanation of Amount Due
              Principal & Interest      {format.Money(pAndI)}
              Escrow (taxes & insurance) {format.Money(escrowPart)}
              Total                     {format.Money(pAndI + escrowPart)}

            Account Information
              Outstanding Principal     {format.Money(principal)}
              Interest Rate             {format.Rate(rate)}
              Escrow Balance            {(shortage ? format.Shortage(-escrow) : format.Money(escrow))}
            """;
        return new(LiabilityType.Mortgage, SourceKind.Statement, lender, text, new ExtractedFields
        {
            PrincipalBalance = principal, EscrowBalance = escrow, NextPaymentAmount = pAndI + escrowPart,
            NextPaymentDueDate = due, InterestRatePct = rate, AccountLast4 = last4,
        });
    }

    private SyntheticDocument CardStatement(DateOnly asOf)
    {
        var issuer = Pick(CardIssuers);
        var last4 = Last4();
        var limit = random.Next(1, 40) * 500m;
        var balance = Amount(20, limit * 0.9m);
        var minimum = Math.Max(25m, Math.Round(balance * 0.02m, 2));
        var due = asOf.AddDays(random.Next(21, 26));
        var apr = Math.Round(Rate(14, 32), 2);
        var text = $"""
            {issuer} Card ending in {last4}
            Statement closing date {format.Date(asOf)}

            Previous Balance {format.Money(Amount(0, limit * 0.5m))}
            New Balance {format.Money(balance)}
            Minimum Payment Due {format.Money(minimum)}
            Payment Due Date {format.Date(due)}

            Credit Limit {format.Money(limit)}   Available Credit {format.Money(limit - balance)}
            Purchase APR {apr.ToString("0.00", CultureInfo.InvariantCulture)}%   Cash Advance APR 29.99%
            """;
        return new(LiabilityType.CreditCard, SourceKind.Statement, issuer, text, new ExtractedFields
        {
            StatementBalance = balance, MinimumPayment = minimum, NextPaymentDueDate = due,
            InterestRatePct = apr, CreditLimit = limit, AccountLast4 = last4,
        });
    }

    private SyntheticDocument StudentPortal(DateOnly asOf)
    {
        var servicer = Pick(StudentServicers);
        var last4 = Last4();
        var balance = Amount(3_000, 120_000);
        var payment = Amount(50, 1_400);
        var due = asOf.AddDays(random.Next(5, 30));
        var rate = Rate(2, 8);
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

    private string Pick(string[] options) => options[random.Next(options.Length)];

    private string Last4() => random.Next(0, 10_000).ToString("D4", CultureInfo.InvariantCulture);

    private decimal Amount(decimal min, decimal max) => Math.Round(min + (decimal)random.NextDouble() * (max - min), 2);

    private decimal Rate(decimal min, decimal max) => Math.Round(min + (decimal)random.NextDouble() * (max - min), 3);
}
