using System.Globalization;
using Extraction.Core.Contracts;

namespace Extraction.Tooling.Generation;

/// <summary>
/// Shapes kept out of development, written as other servicers, credit unions, issuers and agents write
/// them: a servicer portal in HTML, a credit union's ledger-style payoff, a two-column card summary, a
/// student-loan call, a mortgage payoff call, a personal-loan page with several balances. The rules and
/// checks are measured on these and never tuned to one of them; a failure here is fixed as a class.
/// </summary>
internal static class HeldOutFamilies
{
    private static readonly string[] AutoLenders = ["Tesla Finance", "Ford Credit", "Nissan Motor Acceptance", "Credit Acceptance", "CarMax Auto Finance"];
    private static readonly string[] CreditUnions = ["Pentagon Federal Credit Union", "Alliant Credit Union", "BECU", "Golden 1 Credit Union", "Suncoast Credit Union"];
    private static readonly string[] CardIssuers = ["Chase Card Services", "Apple Card / Goldman Sachs", "First Premier Bank", "Credit One Bank", "TD Bank"];
    private static readonly string[] StudentServicers = ["Nelnet", "MOHELA", "Aidvantage", "Edfinancial Services", "Firstmark Services"];
    private static readonly string[] MortgageServicers = ["Nationstar dba Mr. Cooper", "Truist Mortgage", "Flagstar", "Midland Mortgage", "Dovenmuehle"];
    private static readonly string[] PersonalLenders = ["Discover Personal Loans", "Marcus by Goldman Sachs", "Prosper", "Avant", "OneMain Financial"];
    private static readonly string[] Names = ["Andre", "Beth", "Carlos", "Dana", "Elif", "Femi"];

    public static IEnumerable<DocumentFamily> All =>
    [
        new("auto-servicer-portal-html", FamilySet.HeldOut, 10, "an auto lender's account page saved as HTML: definition lists and a table", AutoPortalHtml),
        new("credit-union-payoff-ledger", FamilySet.HeldOut, 10, "a credit union's payoff: abbreviated labels, dotted leaders, bare amounts, short dates", CreditUnionPayoff),
        new("card-summary-two-columns", FamilySet.HeldOut, 10, "a card statement whose summary and payment boxes sit side by side", CardTwoColumns),
        new("student-loan-call", FamilySet.HeldOut, 10, "a student-loan servicer call: figures in words, ordinal dates", StudentLoanCall),
        new("mortgage-payoff-call", FamilySet.HeldOut, 10, "a mortgage payoff call: the agent reads the quote and the daily interest", MortgagePayoffCall),
        new("personal-loan-portal", FamilySet.HeldOut, 10, "a personal-loan page with original, current and payoff balances", PersonalLoanPortal),
    ];

    private static SyntheticDocument AutoPortalHtml(Draw draw, TextFormats format, DateOnly asOf)
    {
        var lender = draw.Pick(AutoLenders);
        var last4 = draw.Last4();
        var principal = draw.Amount(4_000, 60_000);
        var rate = draw.Rate(1.9m, 17);
        var perDiem = Math.Round(principal * rate / 100 / 365, 2);
        var goodThrough = asOf.AddDays(10);
        var payoff = principal + (perDiem * 10);
        var payment = draw.Amount(250, 1_100);
        var due = asOf.AddDays(draw.Next(3, 28));
        var text = $"""
            <!DOCTYPE html>
            <html lang="en"><body>
            <nav><a href="/home">Home</a> | <a href="/pay">Make a Payment</a></nav>
            <div class="account-card">
              <span class="acct">Vehicle Loan &bull;&bull;&bull;&bull;{last4}</span>
              <dl>
                <dt>Principal Balance</dt><dd>{format.Money(principal)}</dd>
                <dt>Next Payment</dt><dd>{format.Money(payment)}</dd>
                <dt>Due On</dt><dd>{format.Date(due)}</dd>
                <dt>APR</dt><dd>{rate.ToString("0.00#", CultureInfo.InvariantCulture)}%</dd>
              </dl>
            </div>
            <table class="payoff">
              <tr><th colspan="2">10-Day Payoff Quote</th></tr>
              <tr><td>Payoff Amount</td><td>{format.Money(payoff)}</td></tr>
              <tr><td>Quote Good Through</td><td>{format.Date(goodThrough)}</td></tr>
              <tr><td>Daily Interest</td><td>{format.Money(perDiem)}</td></tr>
            </table>
            </body></html>
            """;
        return new(LiabilityType.AutoLoan, SourceKind.PortalPage, lender, text, new ExtractedFields
        {
            PayoffAmount = payoff, PayoffGoodThrough = goodThrough, PerDiem = perDiem, PrincipalBalance = principal,
            NextPaymentAmount = payment, NextPaymentDueDate = due, InterestRatePct = rate, AccountLast4 = last4,
        });
    }

    private static SyntheticDocument CreditUnionPayoff(Draw draw, TextFormats format, DateOnly asOf)
    {
        var union = draw.Pick(CreditUnions);
        var type = draw.OneIn(2) ? LiabilityType.AutoLoan : LiabilityType.PersonalLoan;
        var last4 = draw.Last4();
        var principal = draw.Amount(1_500, 42_000);
        var rate = draw.Rate(4, 17);
        var perDiem = Math.Round(principal * rate / 100 / 365, 2);
        var goodThrough = asOf.AddDays(draw.Next(10, 31));
        var interest = perDiem * (goodThrough.DayNumber - asOf.DayNumber);
        var lateCharge = draw.OneIn(4) ? 25m : 0m;
        var payoff = principal + interest + lateCharge;
        var text = $"""
            {union.ToUpperInvariant()}
            LOAN PAYOFF -- MBR ACCT {draw.Next(10, 99)}-{draw.Next(1000, 9999)}-{last4}
            Prepared {format.ShortDate(asOf)}    Loan type: {(type == LiabilityType.AutoLoan ? "New/Used Vehicle" : "Signature Loan")}

            Prin Bal ..................... {format.Bare(principal)}
            Accrued Int .................. {format.Bare(interest)}
            Late Chg ..................... {format.Bare(lateCharge)}
            Amt Req'd to Pay in Full ..... {format.Bare(payoff)}

            Figures good thru {format.ShortDate(goodThrough)}.  Int accrues {format.Bare(perDiem)}/day thereafter.
            Note rate {rate.ToString("0.000", CultureInfo.InvariantCulture)} pct.  Funds must be received by 3 PM ET.
            """;
        return new(type, SourceKind.PayoffLetter, union, text, new ExtractedFields
        {
            PayoffAmount = payoff, PayoffGoodThrough = goodThrough, PerDiem = perDiem, PrincipalBalance = principal,
            InterestRatePct = rate, AccountLast4 = last4,
        });
    }

    private static SyntheticDocument CardTwoColumns(Draw draw, TextFormats format, DateOnly asOf)
    {
        var issuer = draw.Pick(CardIssuers);
        var last4 = draw.Last4();
        var limit = draw.Next(1, 30) * 1_000m;
        var previous = draw.Amount(0, limit * 0.6m);
        var payments = Math.Min(previous, draw.Amount(20, 1_500));
        var purchases = draw.Amount(5, limit * 0.3m);
        var fees = draw.OneIn(5) ? 39m : 0m;
        var interest = draw.OneIn(2) ? 0m : draw.Amount(1, 80);
        var balance = previous - payments + purchases + fees + interest;
        var minimum = Math.Max(Math.Min(40m, balance), Math.Round((balance * 0.01m) + interest + fees, 2));
        var due = asOf.AddDays(draw.Next(21, 26));
        var apr = Math.Round(draw.Rate(17, 31), 2);
        var money = (decimal m) => m.ToString("$#,##0.00", CultureInfo.InvariantCulture);
        var text = $"""
            {issuer}                                   Account number ending in {last4}
            Opening/Closing Date {format.ShortDate(asOf.AddDays(-30))} - {format.ShortDate(asOf)}

            ACCOUNT SUMMARY                            PAYMENT INFORMATION
            Previous Balance        {money(previous),12}       New Balance                {money(balance)}
            Payment, Credits        {"-" + money(payments),12}       Minimum Payment Due        {money(minimum)}
            Purchases               {"+" + money(purchases),12}       Payment Due Date           {format.ShortDate(due)}
            Fees Charged            {"+" + money(fees),12}
            Interest Charged        {"+" + money(interest),12}       Late Payment Warning: If we do not receive your
            New Balance             {money(balance),12}       minimum payment by the date listed above, you may
            Credit Access Line      {money(limit),12}       have to pay a late fee of up to $41.00.
            Available Credit        {money(limit - balance),12}

            INTEREST CHARGE CALCULATION
            Type of Balance     Annual Percentage Rate (APR)   Balance Subject to Interest Rate
            Purchases           {apr.ToString("0.00", CultureInfo.InvariantCulture)}% (v)                    {money(Math.Round(balance * 0.8m, 2))}
            Cash Advances       29.99% (v)                    $0.00
            """;
        return new(LiabilityType.CreditCard, SourceKind.Statement, issuer, text, new ExtractedFields
        {
            StatementBalance = balance, MinimumPayment = minimum, NextPaymentDueDate = due,
            InterestRatePct = apr, CreditLimit = limit, AccountLast4 = last4,
        });
    }

    private static SyntheticDocument StudentLoanCall(Draw draw, TextFormats format, DateOnly asOf)
    {
        var servicer = draw.Pick(StudentServicers);
        var last4 = draw.Last4();
        var principal = draw.Amount(2_500, 95_000);
        var payment = draw.Amount(60, 1_100);
        var due = asOf.AddDays(draw.Next(5, 30));
        var rate = draw.Rate(2.75m, 8.05m);
        var name = draw.Pick(Names);
        var text = $"""
            [00:00:04] {servicer.ToUpperInvariant()} REP ({name}): Thanks for calling {servicer}. For verification, can I get the last four of your account number?
            [00:00:11] BORROWER: Yeah, {last4}.
            [00:00:19] {servicer.ToUpperInvariant()} REP ({name}): Thank you. So right now your outstanding principal is {format.SpokenMoney(principal)}.
            [00:00:31] BORROWER: Okay. And when's my next payment?
            [00:00:35] {servicer.ToUpperInvariant()} REP ({name}): Your next installment of {format.SpokenMoney(payment)} is due {format.SpokenDate(due)}.
            [00:00:48] BORROWER: What's the interest rate on these?
            [00:00:52] {servicer.ToUpperInvariant()} REP ({name}): The weighted average rate across your loans is {rate.ToString("0.0##", CultureInfo.InvariantCulture)} percent.
            """;
        return new(LiabilityType.StudentLoan, SourceKind.CallTranscript, servicer, text, new ExtractedFields
        {
            PrincipalBalance = principal, NextPaymentAmount = payment, NextPaymentDueDate = due, InterestRatePct = rate, AccountLast4 = last4,
        });
    }

    private static SyntheticDocument MortgagePayoffCall(Draw draw, TextFormats format, DateOnly asOf)
    {
        var servicer = draw.Pick(MortgageServicers);
        var last4 = draw.Last4();
        var principal = draw.Amount(40_000, 620_000);
        var rate = draw.Rate(2.5m, 7.5m);
        var perDiem = Math.Round(principal * rate / 100 / 365, 2);
        var goodThrough = asOf.AddDays(draw.Next(14, 31));
        var fees = draw.Next(0, 3) * 30m;
        var payoff = principal + (perDiem * (goodThrough.DayNumber - asOf.DayNumber)) + fees;
        var name = draw.Pick(Names);
        var text = $"""
            Speaker 1 ({servicer}): This is {name}, thanks for holding. I have the payoff quote ready for loan number ending {last4}.
            Speaker 2: Great, go ahead.
            Speaker 1 ({servicer}): The unpaid principal is {format.SpokenMoney(principal)}. With interest and the recording fee, the total to pay the loan off is {format.SpokenMoney(payoff)}.
            Speaker 2: How long is that number good for?
            Speaker 1 ({servicer}): It's good through {format.SpokenDate(goodThrough)}. Each day after that adds {format.SpokenMoney(perDiem)} of interest.
            Speaker 2: And the rate on the loan is still {format.Rate(rate)}?
            Speaker 1 ({servicer}): That's right.
            """;
        return new(LiabilityType.Mortgage, SourceKind.CallTranscript, servicer, text, new ExtractedFields
        {
            PayoffAmount = payoff, PayoffGoodThrough = goodThrough, PerDiem = perDiem, PrincipalBalance = principal,
            InterestRatePct = rate, AccountLast4 = last4,
        });
    }

    private static SyntheticDocument PersonalLoanPortal(Draw draw, TextFormats format, DateOnly asOf)
    {
        var lender = draw.Pick(PersonalLenders);
        var last4 = draw.Last4();
        var original = draw.Next(4, 80) * 500m;
        var principal = draw.Amount(original * 0.2m, original * 0.95m);
        var rate = draw.Rate(6, 30);
        var perDiem = Math.Round(principal * rate / 100 / 365, 2);
        var goodThrough = asOf.AddDays(draw.Next(5, 15));
        var payoff = principal + (perDiem * (goodThrough.DayNumber - asOf.DayNumber));
        var payment = draw.Amount(90, 900);
        var due = asOf.AddDays(draw.Next(2, 29));
        var text = $"""
            {lender} | Loan Details
            Loan ID: PL-{draw.Next(100000, 999999)}{last4}
            Original loan amount:     {format.Money(original)}
            Remaining principal:      {format.Money(principal)}
            Fixed APR:                {format.Rate(rate)}
            Monthly payment:          {format.Money(payment)}   (autopay on)
            Next payment date:        {format.Date(due)}

            Want to pay it off? Your payoff amount is {format.Money(payoff)} if received by {format.Date(goodThrough)}.
            Paid to date: {format.Money(original - principal)}
            """;
        return new(LiabilityType.PersonalLoan, SourceKind.PortalPage, lender, text, new ExtractedFields
        {
            PayoffAmount = payoff, PayoffGoodThrough = goodThrough, PrincipalBalance = principal, NextPaymentAmount = payment,
            NextPaymentDueDate = due, InterestRatePct = rate, AccountLast4 = last4,
        });
    }
}
