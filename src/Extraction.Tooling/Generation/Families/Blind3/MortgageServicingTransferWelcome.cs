using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.Blind3.Blind3Draws;
using static Extraction.Tooling.Generation.Kit.Formatting;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.Blind3;

internal static class MortgageServicingTransferWelcome
{
    public static DocumentFamily Family { get; } = new("mortgage-servicing-transfer-welcome", FamilySet.HeldOut, 10, "New servicer's RESPA notice of servicing transfer / welcome letter: old and new loan numbers, transfer dates, first payment to the new servicer", Write);

    /// <summary>Who hands the loan to whom, and when.</summary>
    private sealed record Transfer(string OldServicer, string NewServicer, string Last4, string NewLoan, string OldLoan, string Borrower, string Street, string CityStateZip, DateOnly Effective, DateOnly FirstDue)
    {
        public DateOnly OldStops => Effective.AddDays(-1);
    }

    /// <summary>The loan as it arrives: the escrow balance transferred is stated in three of four letters with escrow.</summary>
    private sealed record Loan(decimal Principal, decimal Rate, decimal PrincipalAndInterest, decimal EscrowPart, decimal? EscrowGold, string? EscrowLine)
    {
        public decimal Payment => PrincipalAndInterest + EscrowPart;
    }

    /// <summary>How this servicer writes its letters: what it states, its dates, its phones and hours.</summary>
    private sealed record Letter(bool ShowPrincipal, bool ShowRate, string DateFormat, string NewPhone, string OldPhone, string Hours)
    {
        public string Dt(DateOnly d) => DateFormat == "AP" ? ApStyle(d) : d.ToString(DateFormat, Inv);
    }

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var t = DrawTransfer(draw, asOf);
        var loan = DrawLoan(draw);
        var letter = new Letter(
            !draw.OneIn(4),
            !draw.OneIn(5),
            draw.Pick("MMMM d, yyyy", "MM/dd/yyyy", "AP"),
            TollFree(draw),
            TollFree(draw),
            draw.Pick("8:00 a.m. to 8:00 p.m. Eastern, Monday through Friday", "7 a.m. - 7 p.m. CT, Mon-Fri, and 8 a.m. - noon CT Saturday"));
        var glance = Glance(draw, t, loan, letter);
        var text = draw.OneIn(2) ? Notice(draw, t, letter, glance, asOf) : Welcome(draw, t, loan, letter, asOf);
        return new(LiabilityType.Mortgage, SourceKind.Other, t.NewServicer, text, new ExtractedFields
        {
            PrincipalBalance = letter.ShowPrincipal ? loan.Principal : null,
            EscrowBalance = loan.EscrowGold,
            NextPaymentAmount = loan.Payment,
            NextPaymentDueDate = t.FirstDue,
            InterestRatePct = letter.ShowRate ? loan.Rate : null,
            AccountLast4 = t.Last4,
        });
    }

    private static Transfer DrawTransfer(Draw draw, DateOnly asOf)
    {
        var oldServicer = draw.Pick("Liberty Crest Mortgage", "First Meridian Home Loans", "Greystone Savings Bank", "Palisade Mortgage Corp.");
        var newServicer = draw.Pick("Canopy Loan Servicing, LLC", "Bridgewater Mortgage Services", "Redstone Home Loan Servicing", "Northwind Servicing Corporation");
        var last4 = draw.Last4();
        var newLoan = Digits(draw, 6) + last4;
        var oldLoan = Digits(draw, 6) + OtherFour(draw, last4);
        var borrower = Person(draw);
        var (street, cityStateZip) = Address(draw);
        var effective = asOf.AddDays(-draw.Next(3, 15));
        return new(oldServicer, newServicer, last4, newLoan, oldLoan, borrower, street, cityStateZip, effective, FirstOfNextMonth(asOf));
    }

    private static Loan DrawLoan(Draw draw)
    {
        var principal = draw.Amount(62_000m, 640_000m);
        var rate = Math.Round(draw.Rate(2.25m, 7.5m) * 8m, 0) / 8m;
        var pi = Installment(principal, rate, draw.Next(160, 350));
        var escrowPart = draw.OneIn(6) ? 0m : draw.Amount(150m, 1_100m);
        if (escrowPart > 0m && !draw.OneIn(4))
        {
            if (draw.OneIn(4))
            {
                var advance = draw.Amount(90m, 1_900m);
                return new(principal, rate, pi, escrowPart, -advance, $"Escrow balance transferred:       -{Usd(advance)} (escrow shortage - funds advanced by your prior servicer)");
            }

            var balance = draw.Amount(200m, 6_500m);
            return new(principal, rate, pi, escrowPart, balance, $"Escrow balance transferred:       {Usd(balance)}");
        }

        return new(principal, rate, pi, escrowPart, null, null);
    }

    private static string Glance(Draw draw, Transfer t, Loan loan, Letter letter) => Lines(
        draw.Pick("YOUR LOAN AT A GLANCE", "LOAN INFORMATION AS OF THE TRANSFER DATE", "ACCOUNT SUMMARY"),
        $"New loan number:                  {t.NewLoan}",
        $"Prior loan number ({t.OldServicer}): {t.OldLoan}",
        letter.ShowPrincipal ? $"Unpaid principal balance:         {Usd(loan.Principal)}" : null,
        letter.ShowRate ? $"Interest rate:                    {loan.Rate.ToString(draw.Pick("0.000", "0.00#"), Inv)}%" : null,
        loan.EscrowLine,
        $"Monthly payment:                  {Usd(loan.Payment)}",
        loan.EscrowPart > 0 ? $"   Principal and interest        {Usd(loan.PrincipalAndInterest)}" : null,
        loan.EscrowPart > 0 ? $"   Escrow (taxes/insurance)      {Usd(loan.EscrowPart)}" : null,
        $"First payment due to {t.NewServicer}: {letter.Dt(t.FirstDue)}");

    /// <summary>The RESPA notice of servicing transfer, with the loan at a glance.</summary>
    private static string Notice(Draw draw, Transfer t, Letter letter, string glance, DateOnly asOf) => Lines(
        t.NewServicer,
        $"P.O. Box {draw.Next(1000, 99_999).ToString(Inv)}, {draw.Pick("Greenville, SC 29603", "Fort Worth, TX 76161", "Coppell, TX 75019", "Highlands Ranch, CO 80163")}",
        "",
        letter.Dt(asOf),
        "",
        t.Borrower,
        t.Street,
        t.CityStateZip,
        "",
        $"RE: Loan Number {t.NewLoan}",
        $"    Property: {t.Street}, {t.CityStateZip}",
        "",
        "NOTICE OF SERVICING TRANSFER",
        "",
        $"The servicing of your mortgage loan - that is, the right to collect payments from you - has been assigned, sold or transferred from {t.OldServicer} to {t.NewServicer}, effective {letter.Dt(t.Effective)}.",
        "",
        "The assignment, sale or transfer of the servicing of the mortgage loan does not affect any term or condition of the mortgage instruments, other than terms directly related to the servicing of your loan.",
        "",
        $"Your prior servicer was {t.OldServicer}. If you have questions relating to the transfer of servicing from your prior servicer, call their customer service department at {letter.OldPhone}.",
        $"Your new servicer is {t.NewServicer}. If you have questions about your loan with us, call {letter.NewPhone}, {letter.Hours}.",
        "",
        $"The date that your prior servicer stopped accepting payments from you was {letter.Dt(t.OldStops)}. The date that {t.NewServicer} began accepting payments from you is {letter.Dt(t.Effective)}. Send all payments due on or after that date to {t.NewServicer}.",
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

    /// <summary>A friendlier welcome letter: the figures in sentences, no table.</summary>
    private static string Welcome(Draw draw, Transfer t, Loan loan, Letter letter, DateOnly asOf) => Lines(
        $"{letter.Dt(asOf)}",
        "",
        $"Welcome to {t.NewServicer}!",
        "",
        $"Dear {t.Borrower.Split(' ')[0]},",
        "",
        $"As of {letter.Dt(t.Effective)}, {t.NewServicer} is the servicer of your home loan for {t.Street}. Your loan was previously serviced by {t.OldServicer}, loan number {t.OldLoan}; that number is no longer used.",
        $"Your new loan number is {t.NewLoan}. Please include it on all payments and correspondence.",
        "",
        $"Your first payment to us, in the amount of {Usd(loan.Payment)}, is due on {letter.Dt(t.FirstDue)}."
            + (letter.ShowRate ? $" The interest rate on your loan remains {loan.Rate.ToString("0.000", Inv)}%, and none of the terms of your note have changed." : " None of the terms of your note have changed."),
        letter.ShowPrincipal ? $"Your unpaid principal balance on the transfer date was {Usd(loan.Principal)}." : null,
        loan.EscrowGold is not { } escrow ? null
            : escrow < 0
                ? $"Your escrow account came to us with a shortage of {Usd(-escrow)}: your escrow balance is -{Usd(-escrow)}. We will review it in your next escrow analysis."
                : $"Your escrow balance of {Usd(escrow)} was transferred to us and will continue to be used for property taxes and insurance.",
        "",
        $"If you sent a payment to {t.OldServicer} on or before {letter.Dt(t.OldStops)}, it will be forwarded to us. For 60 days after {letter.Dt(t.Effective)} we will not treat a payment sent to your prior servicer on time as late.",
        "",
        "Ways to pay:",
        $"  Online:  www.{Slug(t.NewServicer)}.com (one-time payments are free)",
        $"  Phone:   {letter.NewPhone} ({letter.Hours})",
        $"  Mail:    {t.NewServicer}, Attn: Payment Processing, P.O. Box {draw.Next(1000, 99_999).ToString(Inv)}, {draw.Pick("Charlotte, NC 28272", "Carol Stream, IL 60197", "Salt Lake City, UT 84130")}",
        "",
        "Sincerely,",
        "Customer Care",
        t.NewServicer,
        "",
        draw.OneIn(2) ? $"Questions about your prior servicer's records: {letter.OldPhone}." : null,
        "We are required by law to inform you that this communication is from a debt collector.");

    /// <summary>A date in newspaper (AP) style, as many servicing letters are written: "Sept. 1, 2026", "March 1, 2026".</summary>
    private static string ApStyle(DateOnly d) =>
        (d.Month switch { 1 => "Jan.", 2 => "Feb.", 8 => "Aug.", 9 => "Sept.", 10 => "Oct.", 11 => "Nov.", 12 => "Dec.", _ => d.ToString("MMMM", Inv) })
        + " " + d.Day.ToString(Inv) + ", " + d.Year.ToString(Inv);
}
