using System.Globalization;
using Extraction.Core.Contracts;

namespace Extraction.Tooling.Generation;

/// <summary>
/// The document families the rules extractor and the checks were first written beside: an auto-loan payoff
/// call, payoff letters, mortgage and card statements, a student-loan portal page.
/// </summary>
internal static class CoreFamilies
{
    private static readonly string[] AutoLenders = ["Toyota Financial Services", "Ally Financial", "Chase Auto", "GM Financial", "Capital One Auto Finance", "Westlake Financial"];
    private static readonly string[] MortgageLenders = ["Rocket Mortgage", "U.S. Bank Home Mortgage", "PennyMac", "Mr. Cooper", "Wells Fargo Home Mortgage", "Freedom Mortgage", "LoanDepot"];
    private static readonly string[] CardIssuers = ["Bank of America", "Synchrony Bank", "Discover", "Citi", "American Express"];
    private static readonly string[] StudentServicers = ["EdFinancial", "Sallie Mae", "Aidvantage", "Nelnet", "MOHELA"];
    private static readonly string[] PersonalLenders = ["Best Egg", "Upstart", "LendingClub", "SoFi"];
    private static readonly string[] Agents = ["CSR", "Agent", "Representative", "Rep"];
    private static readonly string[] Callers = ["Customer", "Caller", "Borrower"];

    /// <summary>Weights add up to 100, so a core-only corpus draws the same documents it always has for a seed.</summary>
    public static IEnumerable<DocumentFamily> All =>
    [
        new("auto-payoff-call", FamilySet.Core, 17, "an agent quotes an auto-loan payoff on a call", AutoCall),
        new("auto-payoff-letter", FamilySet.Core, 6, "a lender's payoff statement for an auto loan", (d, f, asOf) => PayoffLetter(d, f, asOf, LiabilityType.AutoLoan, d.Pick(AutoLenders), 4_000, 45_000)),
        new("mortgage-payoff-letter", FamilySet.Core, 11, "a servicer's mortgage payoff statement", (d, f, asOf) => PayoffLetter(d, f, asOf, LiabilityType.Mortgage, d.Pick(MortgageLenders), 80_000, 650_000)),
        new("personal-payoff-letter", FamilySet.Core, 6, "a personal-loan payoff statement", (d, f, asOf) => PayoffLetter(d, f, asOf, LiabilityType.PersonalLoan, d.Pick(PersonalLenders), 2_000, 40_000)),
        new("mortgage-statement", FamilySet.Core, 24, "a monthly mortgage statement with escrow", MortgageStatement),
        new("card-statement", FamilySet.Core, 16, "a credit-card statement", CardStatement),
        new("student-portal", FamilySet.Core, 20, "a student-loan servicer's account page (text)", StudentPortal),
    ];

    private static SyntheticDocument AutoCall(Draw draw, TextFormats format, DateOnly asOf)
    {
        var lender = draw.Pick(AutoLenders);
        var (agent, caller) = (draw.Pick(Agents), draw.Pick(Callers));
        var last4 = draw.Last4();
        var payoff = draw.Amount(3_000, 40_000);
        var perDiem = draw.Amount(0.5m, 9);
        var goodThrough = asOf.AddDays(draw.Next(10, 31));
        var quote = draw.Next(2) == 0
            ? $"{agent}: The payoff amount is {format.Money(payoff)}, good through {format.Date(goodThrough)}. The per diem is {format.Money(perDiem)}."
            : $"{agent}: Your payoff amount is {format.Money(payoff)} and it is good through {format.Date(goodThrough)}. After that, daily interest of {format.Money(perDiem)} applies.";
        var text = $"""
            {agent}: Thank you for calling {lender}, this call may be recorded. How can I help?
            {caller}: Hi, I'm calling to get a payoff quote on an auto loan ending in {last4}.
            {agent}: Sure. I can see the account. Your last payment of {format.Money(draw.Amount(200, 900))} posted on {format.Date(asOf.AddDays(-draw.Next(1, 20)))}.
            {caller}: Great, and what's the payoff?
            {quote}
            {caller}: Thanks, that's all I needed.
            """;
        return new(LiabilityType.AutoLoan, SourceKind.CallTranscript, lender, text,
            new ExtractedFields { PayoffAmount = payoff, PayoffGoodThrough = goodThrough, PerDiem = perDiem, AccountLast4 = last4 });
    }

    private static SyntheticDocument PayoffLetter(Draw draw, TextFormats format, DateOnly asOf, LiabilityType type, string lender, decimal min, decimal max)
    {
        var last4 = draw.Last4();
        var principal = draw.Amount(min, max);
        var rate = draw.Rate(2, type == LiabilityType.PersonalLoan ? 24 : 9);
        var goodThrough = asOf.AddDays(draw.Next(10, 31));
        var perDiem = Math.Round(principal * rate / 100 / 365, 2);
        var interest = perDiem * (goodThrough.DayNumber - asOf.DayNumber);
        var fees = draw.Next(0, 4) * 25m;
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

    private static SyntheticDocument MortgageStatement(Draw draw, TextFormats format, DateOnly asOf)
    {
        var lender = draw.Pick(MortgageLenders);
        var last4 = draw.Last4();
        var principal = draw.Amount(60_000, 700_000);
        var rate = draw.Rate(2.5m, 8);
        var pAndI = draw.Amount(500, 4_500);
        var escrowPart = draw.Amount(150, 1_200);
        var due = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(1);
        var shortage = draw.Next(6) == 0;
        var escrow = shortage ? -draw.Amount(50, 1_500) : draw.Amount(300, 9_000);
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

    private static SyntheticDocument CardStatement(Draw draw, TextFormats format, DateOnly asOf)
    {
        var issuer = draw.Pick(CardIssuers);
        var last4 = draw.Last4();
        var limit = draw.Next(1, 40) * 500m;
        var balance = draw.Amount(20, limit * 0.9m);
        var minimum = Math.Min(balance, Math.Max(25m, Math.Round(balance * 0.02m, 2)));
        var due = asOf.AddDays(draw.Next(21, 26));
        var apr = Math.Round(draw.Rate(14, 32), 2);
        var text = $"""
            {issuer} Card ending in {last4}
            Statement closing date {format.Date(asOf)}

            Previous Balance {format.Money(draw.Amount(0, limit * 0.5m))}
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

    private static SyntheticDocument StudentPortal(Draw draw, TextFormats format, DateOnly asOf)
    {
        var servicer = draw.Pick(StudentServicers);
        var last4 = draw.Last4();
        var balance = draw.Amount(3_000, 120_000);
        var payment = draw.Amount(50, 1_400);
        var due = asOf.AddDays(draw.Next(5, 30));
        var rate = draw.Rate(2, 8);
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
}
