using System.Globalization;
using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.Blind2.Blind2Names;
using static Extraction.Tooling.Generation.Kit.Formatting;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.Blind2;

internal static class HelocReinstatementVsPayoffLetter
{
    private static readonly string[] HomeServicers = ["Shellpoint Mortgage Servicing", "Cenlar FSB", "PHH Mortgage Services", "Carrington Mortgage Services", "Selene Finance", "Spring EQ"];

    private static readonly string[] Streets = ["Birchwood Ln", "Cedar Ridge Dr", "Old Mill Rd", "Harbor View Ct", "Magnolia Ave", "W 14th St"];

    public static DocumentFamily Family { get; } = new("heloc-reinstatement-vs-payoff-letter", FamilySet.HeldOut, 10, "a home-equity or mortgage servicer's letter quoting a reinstatement amount and a payoff amount; only the payoff is the answer", Write);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
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
        var perDiem = PerDiem(principal, rate);
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
}
