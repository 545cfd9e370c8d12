using System.Globalization;
using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.Blind2.Blind2Names;
using static Extraction.Tooling.Generation.Kit.Formatting;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.Blind2;

internal static class PersonalLoanPayoffRightAligned
{
    private static readonly string[] PersonalLenders = ["SoFi Bank", "LendingClub Bank", "Upgrade, Inc.", "Best Egg", "LightStream", "Upstart Network"];

    public static DocumentFamily Family { get; } = new("personal-loan-payoff-right-aligned", FamilySet.HeldOut, 10, "a personal-loan payoff letter: right-aligned amount table, per diem written as interest of $X per day, APR beside the rate", Write);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var lender = draw.Pick(PersonalLenders);
        var last4 = draw.Last4();
        var loanNumber = $"{draw.Next(1_000, 10_000)}-{draw.Next(1_000, 10_000)}-{last4}";
        var original = draw.Next(4, 80) * 500m;
        var principal = draw.Amount(original * 0.15m, original * 0.9m);
        var rate = Math.Round(draw.Rate(6, 29.99m), 2);
        var apr = rate + Math.Round(draw.Rate(0.5m, 4), 2);
        var perDiem = PerDiem(principal, rate);
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
}
