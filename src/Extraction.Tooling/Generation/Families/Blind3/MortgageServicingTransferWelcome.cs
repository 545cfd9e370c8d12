using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.Blind3.Blind3Draws;
using static Extraction.Tooling.Generation.Kit.Formatting;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.Blind3;

internal static class MortgageServicingTransferWelcome
{
    public static DocumentFamily Family { get; } = new("mortgage-servicing-transfer-welcome", FamilySet.HeldOut, 10, "New servicer's RESPA notice of servicing transfer / welcome letter: old and new loan numbers, transfer dates, first payment to the new servicer", Write);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var oldServicer = draw.Pick("Liberty Crest Mortgage", "First Meridian Home Loans", "Greystone Savings Bank", "Palisade Mortgage Corp.");
        var newServicer = draw.Pick("Canopy Loan Servicing, LLC", "Bridgewater Mortgage Services", "Redstone Home Loan Servicing", "Northwind Servicing Corporation");
        var last4 = draw.Last4();
        var newLoan = Digits(draw, 6) + last4;
        var oldLoan = Digits(draw, 6) + OtherFour(draw, last4);
        var borrower = Person(draw);
        var (street, cityStateZip) = Address(draw);
        var effective = asOf.AddDays(-draw.Next(3, 15));
        var oldStops = effective.AddDays(-1);
        var firstDue = FirstOfNextMonth(asOf);

        var principal = draw.Amount(62_000m, 640_000m);
        var rate = Math.Round(draw.Rate(2.25m, 7.5m) * 8m, 0) / 8m;
        var pi = Installment(principal, rate, draw.Next(160, 350));
        var escrowPart = draw.OneIn(6) ? 0m : draw.Amount(150m, 1_100m);
        var payment = pi + escrowPart;
        decimal? escrowGold = null;
        string? escrowLine = null;
        if (escrowPart > 0m && !draw.OneIn(4))
        {
            if (draw.OneIn(4))
            {
                var advance = draw.Amount(90m, 1_900m);
                escrowGold = -advance;
                escrowLine = $"Escrow balance transferred:       -{Usd(advance)} (escrow shortage - funds advanced by your prior servicer)";
            }
            else
            {
                var balance = draw.Amount(200m, 6_500m);
                escrowGold = balance;
                escrowLine = $"Escrow balance transferred:       {Usd(balance)}";
            }
        }

        var showPrincipal = !draw.OneIn(4);
        var showRate = !draw.OneIn(5);
        var df = draw.Pick("MMMM d, yyyy", "MM/dd/yyyy", "AP");
        string Dt(DateOnly d) => df == "AP" ? ApStyle(d) : d.ToString(df, Inv);
        var newPhone = TollFree(draw);
        var oldPhone = TollFree(draw);
        var hours = draw.Pick("8:00 a.m. to 8:00 p.m. Eastern, Monday through Friday", "7 a.m. - 7 p.m. CT, Mon-Fri, and 8 a.m. - noon CT Saturday");

        var glance = Lines(
            draw.Pick("YOUR LOAN AT A GLANCE", "LOAN INFORMATION AS OF THE TRANSFER DATE", "ACCOUNT SUMMARY"),
            $"New loan number:                  {newLoan}",
            $"Prior loan number ({oldServicer}): {oldLoan}",
            showPrincipal ? $"Unpaid principal balance:         {Usd(principal)}" : null,
            showRate ? $"Interest rate:                    {rate.ToString(draw.Pick("0.000", "0.00#"), Inv)}%" : null,
            escrowLine,
            $"Monthly payment:                  {Usd(payment)}",
            escrowPart > 0 ? $"   Principal and interest        {Usd(pi)}" : null,
            escrowPart > 0 ? $"   Escrow (taxes/insurance)      {Usd(escrowPart)}" : null,
            $"First payment due to {newServicer}: {Dt(firstDue)}");

        string text;
        if (draw.OneIn(2))
        {
            text = Lines(
                newServicer,
                $"P.O. Box {draw.Next(1000, 99_999).ToString(Inv)}, {draw.Pick("Greenville, SC 29603", "Fort Worth, TX 76161", "Coppell, TX 75019", "Highlands Ranch, CO 80163")}",
                "",
                Dt(asOf),
                "",
                borrower,
                street,
                cityStateZip,
                "",
                $"RE: Loan Number {newLoan}",
                $"    Property: {street}, {cityStateZip}",
                "",
                "NOTICE OF SERVICING TRANSFER",
                "",
                $"The servicing of your mortgage loan - that is, the right to collect payments from you - has been assigned, sold or transferred from {oldServicer} to {newServicer}, effective {Dt(effective)}.",
                "",
                "The assignment, sale or transfer of the servicing of the mortgage loan does not affect any term or condition of the mortgage instruments, other than terms directly related to the servicing of your loan.",
                "",
                $"Your prior servicer was {oldServicer}. If you have questions relating to the transfer of servicing from your prior servicer, call their customer service department at {oldPhone}.",
                $"Your new servicer is {newServicer}. If you have questions about your loan with us, call {newPhone}, {hours}.",
                "",
                $"The date that your prior servicer stopped accepting payments from you was {Dt(oldStops)}. The date that {newServicer} began accepting payments from you is {Dt(effective)}. Send all payments due on or after that date to {newServicer}.",
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
        }
        else
        {
            var first = borrower.Split(' ')[0];
            text = Lines(
                $"{Dt(asOf)}",
                "",
                $"Welcome to {newServicer}!",
                "",
                $"Dear {first},",
                "",
                $"As of {Dt(effective)}, {newServicer} is the servicer of your home loan for {street}. Your loan was previously serviced by {oldServicer}, loan number {oldLoan}; that number is no longer used.",
                $"Your new loan number is {newLoan}. Please include it on all payments and correspondence.",
                "",
                $"Your first payment to us, in the amount of {Usd(payment)}, is due on {Dt(firstDue)}."
                    + (showRate ? $" The interest rate on your loan remains {rate.ToString("0.000", Inv)}%, and none of the terms of your note have changed." : " None of the terms of your note have changed."),
                showPrincipal ? $"Your unpaid principal balance on the transfer date was {Usd(principal)}." : null,
                escrowGold is null ? null
                    : escrowGold < 0
                        ? $"Your escrow account came to us with a shortage of {Usd(-escrowGold.Value)}: your escrow balance is -{Usd(-escrowGold.Value)}. We will review it in your next escrow analysis."
                        : $"Your escrow balance of {Usd(escrowGold.Value)} was transferred to us and will continue to be used for property taxes and insurance.",
                "",
                $"If you sent a payment to {oldServicer} on or before {Dt(oldStops)}, it will be forwarded to us. For 60 days after {Dt(effective)} we will not treat a payment sent to your prior servicer on time as late.",
                "",
                "Ways to pay:",
                $"  Online:  www.{Slug(newServicer)}.com (one-time payments are free)",
                $"  Phone:   {newPhone} ({hours})",
                $"  Mail:    {newServicer}, Attn: Payment Processing, P.O. Box {draw.Next(1000, 99_999).ToString(Inv)}, {draw.Pick("Charlotte, NC 28272", "Carol Stream, IL 60197", "Salt Lake City, UT 84130")}",
                "",
                "Sincerely,",
                "Customer Care",
                newServicer,
                "",
                draw.OneIn(2) ? $"Questions about your prior servicer's records: {oldPhone}." : null,
                "We are required by law to inform you that this communication is from a debt collector.");
        }

        return new(LiabilityType.Mortgage, SourceKind.Other, newServicer, text, new ExtractedFields
        {
            PrincipalBalance = showPrincipal ? principal : null,
            EscrowBalance = escrowGold,
            NextPaymentAmount = payment,
            NextPaymentDueDate = firstDue,
            InterestRatePct = showRate ? rate : null,
            AccountLast4 = last4,
        });
    }

    /// <summary>A date in newspaper (AP) style, as many servicing letters are written: "Sept. 1, 2026", "March 1, 2026".</summary>
    private static string ApStyle(DateOnly d) =>
        (d.Month switch { 1 => "Jan.", 2 => "Feb.", 8 => "Aug.", 9 => "Sept.", 10 => "Oct.", 11 => "Nov.", 12 => "Dec.", _ => d.ToString("MMMM", Inv) })
        + " " + d.Day.ToString(Inv) + ", " + d.Year.ToString(Inv);
}
