using System.Globalization;
using Extraction.Core.Contracts;
using Extraction.Tooling.Generation.Kit;
using static Extraction.Tooling.Generation.Families.Blind2.Blind2Names;
using static Extraction.Tooling.Generation.Kit.Formatting;

namespace Extraction.Tooling.Generation.Families.Blind2;

internal static class HelocReinstatementVsPayoffLetter
{
    private static readonly string[] HomeServicers = ["Shellpoint Mortgage Servicing", "Cenlar FSB", "PHH Mortgage Services", "Carrington Mortgage Services", "Selene Finance", "Spring EQ"];

    private static readonly string[] Streets = ["Birchwood Ln", "Cedar Ridge Dr", "Old Mill Rd", "Harbor View Ct", "Magnolia Ave", "W 14th St"];

    public static DocumentFamily Family { get; } = new("heloc-reinstatement-vs-payoff-letter", FamilySet.HeldOut, 10, "a home-equity or mortgage servicer's letter quoting a reinstatement amount and a payoff amount; only the payoff is the answer", Write);

    /// <summary>A loan two or three installments behind: what it takes to reinstate it, and what to pay it off.</summary>
    private sealed record Account(
        string Servicer, bool Heloc, string Last4, string LoanNumber, decimal Line, decimal Principal, decimal Prime, decimal Margin, decimal Rate, decimal Installment,
        int Missed, DateOnly GoodThrough, DateOnly ReinstateThrough, decimal LateCharges, decimal Inspection, decimal Release, decimal Escrow, DateOnly PaidTo)
    {
        public decimal PerDiem => LoanMath.PerDiem(Principal, Rate);

        public decimal Interest => PerDiem * (GoodThrough.DayNumber - PaidTo.DayNumber);

        public decimal Payoff => Principal + Interest + LateCharges + Inspection + Release;

        public decimal Reinstate => (Installment * Missed) + LateCharges + Inspection;
    }

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var a = DrawAccount(draw, asOf);
        var dollars = draw.OneIn(2);
        var goodText = format.Date(a.GoodThrough);
        var product = a.Heloc ? "Home Equity Line of Credit" : draw.Pick("Conventional First Mortgage", "FHA First Mortgage", "VA Home Loan");
        var rateLine = a.Heloc
            ? $"Current interest rate: {a.Rate.ToString("0.000", CultureInfo.InvariantCulture)}% (variable; Prime Rate {a.Prime.ToString("0.00", CultureInfo.InvariantCulture)}% + margin {a.Margin.ToString("0.00", CultureInfo.InvariantCulture)}%)"
            : $"Note rate: {a.Rate.ToString("0.000", CultureInfo.InvariantCulture)}% fixed";
        var accountLine = a.Heloc
            ? $"Credit limit: {Usd(a.Line)}    Available credit: $0.00 (draws suspended while the account is past due)"
            : $"Escrow balance: {Usd(a.Escrow)}. Escrow funds are not deducted from the payoff; any balance remaining after payoff is refunded to you within 30 days.";
        var perDiemLine = draw.Pick(
            $"Per diem: {Usd(a.PerDiem)} for each day after {goodText}.",
            $"If funds are received after {goodText}, add {Usd(a.PerDiem)} per diem for each additional day.",
            $"Daily interest accrual after the good-through date: {Usd(a.PerDiem)}.");
        var letterhead = Letterhead(draw, format, a, product, asOf);
        var quotes = Quotes(format, a, dollars, goodText);
        var text = $"""
            {letterhead}

            {quotes}

            {perDiemLine}
            {rateLine}
            {accountLine}

            Wire to: ABA 0{draw.Next(10_000_000, 99_999_999)}, beneficiary account {draw.Next(10_000_000, 99_999_999)}, reference loan {a.LoanNumber}.
            Personal checks are not accepted for payoff. These figures are subject to final audit.
            """;
        return new(LiabilityType.Mortgage, SourceKind.PayoffLetter, a.Servicer, text, new ExtractedFields
        {
            PayoffAmount = a.Payoff, PayoffGoodThrough = a.GoodThrough, PerDiem = a.PerDiem, PrincipalBalance = a.Principal,
            EscrowBalance = a.Heloc ? null : a.Escrow, InterestRatePct = a.Rate, AccountLast4 = a.Last4, // fields.v1: creditLimit is a card's field, not a HELOC's line
        });
    }

    private static Account DrawAccount(Draw draw, DateOnly asOf)
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
        var installment = heloc ? Math.Round(principal * rate / 1_200, 2) : draw.Amount(900, 3_900);
        var missed = draw.Next(1, 4);
        var goodThrough = asOf.AddDays(draw.Next(7, 31));
        var reinstateThrough = asOf.AddDays(draw.Next(3, 15));
        var lateCharges = missed * draw.Next(2, 7) * 10m;
        var inspection = draw.OneIn(2) ? draw.Next(1, 4) * 15m : 0m;
        var release = draw.Next(2, 9) * 10m;
        var escrow = draw.Amount(250, 4_500);
        return new(servicer, heloc, last4, loanNumber, line, principal, prime, margin, rate, installment, missed, goodThrough, reinstateThrough,
            lateCharges, inspection, release, escrow, new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(-missed));
    }

    private static string Letterhead(Draw draw, TextFormats format, Account a, string product, DateOnly asOf) => $"""
        {a.Servicer}
        Loan Servicing - Payoff & Reinstatement Unit
        P.O. Box {draw.Next(10_000, 99_999)}, {draw.Pick(Towns)}
        Phone (800) 555-{draw.Next(1_000, 9_999)}   Fax (866) 555-{draw.Next(1_000, 9_999)}

        {format.Date(asOf)}

        {draw.Pick(Borrowers)}
        {draw.Next(100, 9_999)} {draw.Pick(Streets)}
        {draw.Pick(Towns)}

        RE:          {product}
        Loan No.:    {a.LoanNumber}

        Dear Borrower:

        You asked for the amount needed to bring your account current and for the amount needed to pay it
        off in full. Both figures are shown below; please send only one of them. Reinstating keeps the loan
        open and regular monthly payments continue. Paying off closes the loan and we will release our lien.
        """;

    /// <summary>The two quotes as right-aligned tables: the reinstatement first, then the payoff (the answer).</summary>
    private static string Quotes(TextFormats format, Account a, bool dollars, string goodText)
    {
        string Row(string label, decimal m) => $"  {label,-52}{(dollars ? Usd(m) : Plain(m)),14}";
        return $"""
            REINSTATEMENT QUOTE - valid through {format.Date(a.ReinstateThrough)}
            {Row($"Monthly installments past due ({a.Missed} x {Usd(a.Installment)})", a.Installment * a.Missed)}
            {Row("Late charges assessed", a.LateCharges)}
            {Row("Property inspection fees", a.Inspection)}
            {Row("AMOUNT REQUIRED TO REINSTATE", a.Reinstate)}

            PAYOFF QUOTE - good through {goodText}
            {Row("Unpaid principal balance", a.Principal)}
            {Row($"Interest from {format.ShortDate(a.PaidTo)} to {format.ShortDate(a.GoodThrough)}", a.Interest)}
            {Row("Late charges assessed", a.LateCharges)}
            {Row("Property inspection fees", a.Inspection)}
            {Row("Lien release / recording fee", a.Release)}
            {Row("TOTAL AMOUNT REQUIRED TO PAY IN FULL", a.Payoff)}
            """;
    }
}
