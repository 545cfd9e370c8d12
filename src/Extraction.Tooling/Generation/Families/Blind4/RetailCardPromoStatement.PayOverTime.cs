using System.Text;
using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Kit.Formatting;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.Blind4;

internal static partial class RetailCardPromoStatement
{
    private static readonly decimal[] PayOverTimeRates = [0m, 0m, 9.99m, 14.99m, 15m, 19.99m, 24.99m, 29.99m, 35.99m];

    /// <summary>A monthly pay-over-time loan taken at checkout, as its app's statement shows it.</summary>
    private static SyntheticDocument PayOverTimeStatement(Draw draw, DateOnly asOf)
    {
        var provider = draw.Pick("Affirm", "Klarna Financing", "Bread Pay", "Uplift", "Sunbit");
        var merchant = draw.Pick("Peloton Interactive", "Casper Sleep", "Wayfair", "Rogue Fitness", "Brooklinen", "Delta Vacations", "Purple Innovation", "Best Buy Marketplace");
        var last4 = draw.Last4();
        var financed = draw.Amount(600m, 4_900m);
        var apr = draw.Pick(PayOverTimeRates);
        var term = draw.Pick(6, 12, 18, 24, 36);
        var payment = Installment(financed, apr, term);
        var made = draw.Next(1, term - 1);
        var principal = Remaining(financed, apr, payment, made);
        var dueDay = draw.Next(1, 29);
        var due = new DateOnly(asOf.Year, asOf.Month, dueDay);
        if (due <= asOf)
        {
            due = due.AddMonths(1);
        }

        var started = due.AddMonths(-(made + 1));
        var financeCharge = Math.Round((payment * term) - financed, 2);
        var showPayoff = apr > 0 && draw.OneIn(2);
        var payoffBy = asOf.AddDays(draw.Next(0, 4));
        var lastPaid = due.AddMonths(-1);
        var payoff = principal + (apr > 0 ? Math.Round(principal * apr / 100m / 365m * Math.Max(0, payoffBy.DayNumber - lastPaid.DayNumber), 2) : 0m);
        string Dt(DateOnly x) => x.ToString("MMM d, yyyy", Inv);
        var schedule = new StringBuilder();
        for (var k = 1; k <= Math.Min(term - made - 1, 4); k++)
        {
            schedule.Append("  ").Append(Dt(due.AddMonths(k)).PadRight(16)).Append(Usd(payment)).Append('\n');
        }

        var text = $"""
                    {provider}
                    Monthly statement · {Dt(asOf)}

                    Loan {draw.Pick("ID", "number")} ending in {last4}
                    {merchant} · Order #{Int(draw.Next(1_000_000, 9_999_999))}
                    Loan started {Dt(started)}

                    YOUR NEXT PAYMENT
                    {Usd(payment)} due {due.ToString("ddd, MMM d, yyyy", Inv)}
                    AutoPay: {draw.Pick("On", "Off")} · debit card ending {draw.Last4()}

                    LOAN DETAILS
                    Amount financed         {Usd(financed)}
                    APR                     {apr.ToString("0.00", Inv)}% {(apr == 0 ? "(0% APR, no interest)" : "simple interest")}
                    Term                    {Int(term)} monthly payments of {Usd(payment)}
                    Finance charge          {Usd(Math.Max(0m, financeCharge))}
                    Payments made           {Int(made)} of {Int(term)} ({Usd(payment * made)} paid)
                    {draw.Pick("Remaining principal", "Unpaid principal balance", "Principal balance")}     {Usd(principal)}
                    {(showPayoff ? $"\nPAY OFF EARLY\nPay off your whole loan for {Usd(payoff)} if paid by {Dt(payoffBy)} (includes interest to that date). No prepayment fee.\n" : "")}
                    UPCOMING PAYMENTS
                    {schedule.ToString().TrimEnd()}

                    Missed payments may be reported to credit bureaus. Questions? help.{provider.Split(' ')[0].ToLowerInvariant()}.com or 1-855-{Int(draw.Next(200, 999))}-{draw.Next(0, 10000).ToString("D4", Inv)}.
                    """;
        return new(LiabilityType.PersonalLoan, SourceKind.Statement, provider, text, new ExtractedFields
        {
            PayoffAmount = showPayoff ? payoff : null,
            PayoffGoodThrough = showPayoff ? payoffBy : null,
            PrincipalBalance = principal,
            NextPaymentAmount = payment,
            NextPaymentDueDate = due,
            InterestRatePct = apr,
            AccountLast4 = last4,
        });
    }
}
