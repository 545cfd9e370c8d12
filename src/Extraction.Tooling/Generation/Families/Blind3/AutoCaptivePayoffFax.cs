using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.Blind3.Blind3Draws;
using static Extraction.Tooling.Generation.Kit.Formatting;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.Blind3;

internal static class AutoCaptivePayoffFax
{
    public static DocumentFamily Family { get; } = new("auto-captive-payoff-fax", FamilySet.HeldOut, 10, "Captive auto finance 10-day payoff quotation sent to a dealer by fax: cover sheet, mainframe dates, trailing-minus credits, daily interest, wire instructions", Write);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var (lender, brand, models) = draw.Next(5) switch
        {
            0 => ("Kestrel Motor Credit Corporation", "KESTREL", new[] { "SUMMIT LX", "RIDGELINE 4WD", "200 SE" }),
            1 => ("Arden Automotive Financial Services", "ARDEN", new[] { "AVENTA SPORT", "ARDEN T-40 CREW CAB", "ARDEN MERIT HYBRID" }),
            2 => ("Tamarack Motor Acceptance Corp.", "TAMARACK", new[] { "TRAILHAWK AWD", "TAMARACK CITY EX" }),
            3 => ("Vireo Financial Services", "VIREO", new[] { "CROSSBACK SE", "VIREO 3 TOURING", "VIREO E-TERRA" }),
            _ => ("Solano Auto Finance LLC", "SOLANO", new[] { "MESA XLE", "SOLANO PRIMA", "SOLANO VANTAGE V6" }),
        };
        var last4 = draw.Last4();
        var dashed = draw.OneIn(2);
        var head = Digits(draw, 8);
        var account = dashed ? head[..4] + "-" + head[4..] + "-" + last4 : head + last4;
        var principal = draw.Amount(4_800m, 58_000m);
        var rate = draw.OneIn(3) ? draw.Pick(0.9m, 1.9m, 2.9m, 3.9m, 4.9m) : Math.Round(draw.Rate(5.49m, 17.99m), 2);
        var perDiem = PerDiem(principal, rate);
        var goodThrough = asOf.AddDays(draw.Pick(10, 10, 10, 9, 12, 14));
        var paidTo = asOf.AddDays(-draw.Next(2, 28));
        var accrued = perDiem * (goodThrough.DayNumber - paidTo.DayNumber);
        var late = draw.OneIn(4) ? draw.Pick(15m, 25m, 35m, 5m * draw.Next(3, 8)) : 0m;
        var titleFee = draw.OneIn(2) ? draw.Pick(15m, 20m, 25m, 7.5m) : 0m;
        var room = accrued + late + titleFee;
        var credit = room > 20m && draw.OneIn(2) ? draw.Amount(5m, room - 1m) : 0m;
        var payoff = principal + accrued + late + titleFee - credit;
        var payment = Installment(principal, rate, draw.Next(24, 67));
        var nextDue = paidTo.AddMonths(1);

        var showNext = draw.OneIn(2);
        var showRate = !draw.OneIn(4);

        string Dt(DateOnly d) => draw.Next(4) switch
        {
            0 => d.ToString("dd-MMM-yyyy", Inv).ToUpperInvariant(),
            1 => d.ToString("MM/dd/yy", Inv),
            2 => d.ToString("MMM dd yyyy", Inv).ToUpperInvariant(),
            _ => d.ToString("MM/dd/yyyy", Inv),
        };
        var mainDate = draw.OneIn(2) ? "dd-MMM-yyyy" : "MM/dd/yyyy";
        string Main(DateOnly d) => mainDate == "dd-MMM-yyyy" ? d.ToString(mainDate, Inv).ToUpperInvariant() : d.ToString(mainDate, Inv);
        string Credit(decimal a) => draw.Pick(Plain(a) + "-", Plain(a) + " CR", "(" + Plain(a) + ")");

        var dealer = draw.Pick("RIVERSIDE CHEVROLET", "LAKEWAY AUTO GROUP", "CROSSROADS HONDA", "PREMIER TRUCK CENTER", "SUNBELT MOTORS INC", "NORTHGATE KIA");
        var dealerFax = LocalPhone(draw);
        var lenderFax = TollFree(draw);
        var lenderPhone = TollFree(draw);
        var time = new TimeOnly(draw.Next(7, 19), draw.Next(0, 60), draw.Next(0, 60));
        var customer = Person(draw).ToUpperInvariant();
        var contract = asOf.AddMonths(-draw.Next(8, 40));
        var year = contract.Year + 1 - draw.Next(0, 6);
        var vin = Vin(draw, year);
        var wireAccount = Digits(draw, 6) + OtherFour(draw, last4);
        var aba = draw.Pick("021000089", "071000013", "121000248", "026009593", "111000614");

        var faxHeader = $"{asOf.ToString("MMM-dd-yyyy", Inv).ToUpperInvariant()} {time.ToString("HH:mm", Inv)}  FROM:{brand} PAYOFF   {Digitize(lenderFax)}  TO:{Digitize(dealerFax)}   P.1/2";
        var cover = Lines(
            faxHeader,
            "",
            "F A X   T R A N S M I T T A L",
            "",
            $"DATE:    {Main(asOf)}",
            $"TO:      {dealer}  ATTN: {draw.Pick("TITLE CLERK", "PAYOFF DEPT", "BUSINESS OFFICE", "F&I")}",
            $"FAX:     {dealerFax}",
            $"FROM:    {lender.ToUpperInvariant()} - {draw.Pick("PAYOFF / TITLE SERVICES", "DEALER PAYOFF UNIT", "LIEN RELEASE DEPT")}",
            $"PHONE:   {lenderPhone}     FAX: {lenderFax}",
            "PAGES:   2 (INCLUDING COVER)",
            $"RE:      PAYOFF REQUEST - {customer} - ACCT ENDING {last4}",
            "",
            "CONFIDENTIALITY NOTICE: THIS FACSIMILE CONTAINS CONFIDENTIAL CUSTOMER INFORMATION INTENDED ONLY FOR THE",
            "ADDRESSEE. IF YOU RECEIVED IT IN ERROR, NOTIFY THE SENDER AT THE NUMBER ABOVE AND DESTROY ALL COPIES.");

        var payoffLabel = draw.Pick("NET PAYOFF AMOUNT", "TOTAL PAYOFF", "AMOUNT REQUIRED TO PAY IN FULL", "TOTAL AMOUNT DUE TO PAY OFF");
        var perDiemLabel = draw.Pick("DAILY INTEREST", "PER DIEM", "INTEREST PER DAY", "DAILY INTEREST (PER DIEM)");
        var goodLabel = draw.Pick("PAYOFF GOOD THROUGH", "QUOTE VALID THRU", "GOOD THRU", "PAYOFF EXPIRES");
        string Item(string label, string value) => label.PadRight(40, '.') + value.PadLeft(14);
        var items = Lines(
            Item("PRINCIPAL BALANCE", Plain(principal)),
            Item("INTEREST " + (draw.OneIn(2) ? "ACCRUED TO " + Dt(goodThrough) : "DUE (" + (goodThrough.DayNumber - paidTo.DayNumber).ToString(Inv) + " DAYS)"), Plain(accrued)),
            late > 0 ? Item("LATE CHARGES DUE", Plain(late)) : null,
            titleFee > 0 ? Item(draw.Pick("LIEN RELEASE FEE", "TITLE/LIEN FEE", "DMV RELEASE FEE"), Plain(titleFee)) : null,
            credit > 0 ? Item(draw.Pick("UNAPPLIED FUNDS", "SUSPENSE BALANCE", "PARTIAL PMT HELD"), Credit(credit)) : null,
            "".PadRight(54, '-'),
            Item(payoffLabel, Plain(payoff)));

        var rateLabel = draw.Pick("CONTRACT RATE", "APR", "ANNUAL PERCENTAGE RATE", "SIMPLE INT RATE");
        var facts = Lines(
            $"ACCOUNT NUMBER:  {account}" + (draw.OneIn(2) ? $"       DEALER NO: {Digits(draw, 5)}" : ""),
            $"CUSTOMER:        {customer}",
            $"VEHICLE:         {year.ToString(Inv)} {brand} {models[draw.Next(models.Length)]}",
            $"VIN:             {vin}",
            $"AMOUNT FINANCED: {Plain(Math.Round(principal * (1m + (draw.Next(15, 90) / 100m)), 2))}     CONTRACT DATE: {Dt(contract)}",
            showRate ? $"{rateLabel}:  {rate.ToString(draw.OneIn(2) ? "0.000" : "0.00", Inv)}%" : null,
            $"PAID TO DATE:    {Dt(paidTo)}",
            showNext ? $"NEXT PAYMENT DUE {Dt(nextDue)}   REGULAR PAYMENT AMOUNT {Plain(payment)}" : null);

        var form = Lines(
            "PAGE 2 OF 2",
            $"{lender.ToUpperInvariant()}",
            $"10-DAY PAYOFF QUOTATION            RUN DATE {asOf.ToString("yyyyMMdd", Inv)} {time.ToString("HH:mm:ss", Inv)}   REQ #{Digits(draw, 7)}",
            "",
            facts,
            "",
            $"QUOTE DATE:      {Main(asOf)}",
            $"{goodLabel}: {Main(goodThrough)}",
            "",
            items,
            "",
            $"{perDiemLabel}: {Plain(perDiem)}  -  IF FUNDS ARE RECEIVED AFTER {Main(goodThrough)}, ADD {Plain(perDiem)} FOR EACH ADDITIONAL DAY.",
            "",
            "PAYOFF FUNDS MUST BE CERTIFIED (CASHIER'S CHECK, DEALER DRAFT OR WIRE). PERSONAL CHECKS HOLD TITLE RELEASE 10 BUSINESS DAYS.",
            $"OVERNIGHT: {lender.ToUpperInvariant()}, ATTN PAYOFF PROCESSING, {draw.Next(100, 9999).ToString(Inv)} {draw.Pick("LEGACY DR", "CORPORATE PKWY", "COMMERCE ST")}, {draw.Pick("PLANO TX 75024", "ALPHARETTA GA 30005", "IRVING TX 75039", "TEMPE AZ 85281")}",
            $"WIRE: ABA {aba}  ACCT {wireAccount}  REF: {account} / {customer}",
            "GAP AND SERVICE CONTRACT REFUNDS ARE NOT INCLUDED; CANCEL WITH THE SELLING DEALER. TITLE IS MAILED WITHIN 10 BUSINESS DAYS OF PAYOFF.",
            draw.OneIn(2) ? "AUTOMATIC PAYMENTS ARE NOT STOPPED BY THIS QUOTE. ANY OVERPAYMENT WILL BE REFUNDED TO THE CUSTOMER." : null);

        var text = Lines(cover, "", "".PadRight(70, '='), "", form);

        return new(LiabilityType.AutoLoan, SourceKind.PayoffLetter, lender, text, new ExtractedFields
        {
            PayoffAmount = payoff,
            PayoffGoodThrough = goodThrough,
            PerDiem = perDiem,
            PrincipalBalance = principal,
            NextPaymentAmount = showNext ? payment : null,
            NextPaymentDueDate = showNext ? nextDue : null,
            InterestRatePct = showRate ? rate : null,
            AccountLast4 = last4,
        });
    }

    private static string LocalPhone(Draw draw) => $"({draw.Pick("214", "512", "404", "602", "614", "919", "303")}) 555-01{draw.Next(0, 100).ToString("00", Inv)}";

    private static string Digitize(string phone) => new([.. phone.Where(char.IsDigit)]);

    private static string Vin(Draw draw, int year)
    {
        const string chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
        var yearCode = "ABCDEFGHJKLMNPRSTVWXY123456789"[(year - 2010 + 30) % 30];
        var wmi = draw.Pick("1V4", "2T3", "5NP", "1FT", "3GN", "JTD");
        var middle = string.Concat(Enumerable.Range(0, 5).Select(_ => chars[draw.Next(chars.Length)]));
        return $"{wmi}{middle}{draw.Next(10).ToString(Inv)}{yearCode}{chars[draw.Next(23)]}{Digits(draw, 6)}";
    }
}
