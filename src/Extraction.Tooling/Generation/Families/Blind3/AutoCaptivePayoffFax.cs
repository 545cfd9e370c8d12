using Extraction.Core.Contracts;
using Extraction.Tooling.Generation.Kit;
using static Extraction.Tooling.Generation.Families.Blind3.Blind3Draws;
using static Extraction.Tooling.Generation.Kit.Formatting;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.Blind3;

internal static class AutoCaptivePayoffFax
{
    public static DocumentFamily Family { get; } = new("auto-captive-payoff-fax", FamilySet.HeldOut, 10, "Captive auto finance 10-day payoff quotation sent to a dealer by fax: cover sheet, mainframe dates, trailing-minus credits, daily interest, wire instructions", Write);

    /// <summary>The captive lender's payoff figures, drawn before the fax is written.</summary>
    private sealed record Quote(
        string Lender, string Brand, string[] Models, string Last4, string Account, decimal Principal, decimal Rate, DateOnly GoodThrough, DateOnly PaidTo,
        decimal Late, decimal TitleFee, decimal Credit, decimal Payment, bool ShowNext, bool ShowRate)
    {
        public decimal PerDiem => LoanMath.PerDiem(Principal, Rate);

        public decimal Accrued => PerDiem * (GoodThrough.DayNumber - PaidTo.DayNumber);

        public decimal Payoff => Principal + Accrued + Late + TitleFee - Credit;

        public DateOnly NextDue => PaidTo.AddMonths(1);
    }

    /// <summary>The dealer, the transmission and the vehicle: what the cover sheet and the form's facts name.</summary>
    private sealed record Fax(string Dealer, string DealerFax, string LenderFax, string LenderPhone, TimeOnly Time, string Customer, DateOnly Contract, int Year, string Vin, string WireAccount, string Aba);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var q = DrawQuote(draw, asOf);
        var mainDate = draw.OneIn(2) ? "dd-MMM-yyyy" : "MM/dd/yyyy";
        string Main(DateOnly d) => mainDate == "dd-MMM-yyyy" ? d.ToString(mainDate, Inv).ToUpperInvariant() : d.ToString(mainDate, Inv);
        var f = DrawFax(draw, q.Last4, asOf);
        var cover = Cover(draw, q, f, asOf, Main(asOf));
        var payoffLabel = draw.Pick("NET PAYOFF AMOUNT", "TOTAL PAYOFF", "AMOUNT REQUIRED TO PAY IN FULL", "TOTAL AMOUNT DUE TO PAY OFF");
        var perDiemLabel = draw.Pick("DAILY INTEREST", "PER DIEM", "INTEREST PER DAY", "DAILY INTEREST (PER DIEM)");
        var goodLabel = draw.Pick("PAYOFF GOOD THROUGH", "QUOTE VALID THRU", "GOOD THRU", "PAYOFF EXPIRES");
        var items = Items(draw, q, payoffLabel);
        var facts = Facts(draw, q, f);
        var form = Lines(
            "PAGE 2 OF 2",
            $"{q.Lender.ToUpperInvariant()}",
            $"10-DAY PAYOFF QUOTATION            RUN DATE {asOf.ToString("yyyyMMdd", Inv)} {f.Time.ToString("HH:mm:ss", Inv)}   REQ #{Digits(draw, 7)}",
            "",
            facts,
            "",
            $"QUOTE DATE:      {Main(asOf)}",
            $"{goodLabel}: {Main(q.GoodThrough)}",
            "",
            items,
            "",
            $"{perDiemLabel}: {Plain(q.PerDiem)}  -  IF FUNDS ARE RECEIVED AFTER {Main(q.GoodThrough)}, ADD {Plain(q.PerDiem)} FOR EACH ADDITIONAL DAY.",
            "",
            "PAYOFF FUNDS MUST BE CERTIFIED (CASHIER'S CHECK, DEALER DRAFT OR WIRE). PERSONAL CHECKS HOLD TITLE RELEASE 10 BUSINESS DAYS.",
            $"OVERNIGHT: {q.Lender.ToUpperInvariant()}, ATTN PAYOFF PROCESSING, {draw.Next(100, 9999).ToString(Inv)} {draw.Pick("LEGACY DR", "CORPORATE PKWY", "COMMERCE ST")}, {draw.Pick("PLANO TX 75024", "ALPHARETTA GA 30005", "IRVING TX 75039", "TEMPE AZ 85281")}",
            $"WIRE: ABA {f.Aba}  ACCT {f.WireAccount}  REF: {q.Account} / {f.Customer}",
            "GAP AND SERVICE CONTRACT REFUNDS ARE NOT INCLUDED; CANCEL WITH THE SELLING DEALER. TITLE IS MAILED WITHIN 10 BUSINESS DAYS OF PAYOFF.",
            draw.OneIn(2) ? "AUTOMATIC PAYMENTS ARE NOT STOPPED BY THIS QUOTE. ANY OVERPAYMENT WILL BE REFUNDED TO THE CUSTOMER." : null);

        var text = Lines(cover, "", "".PadRight(70, '='), "", form);

        return new(LiabilityType.AutoLoan, SourceKind.PayoffLetter, q.Lender, text, new ExtractedFields
        {
            PayoffAmount = q.Payoff,
            PayoffGoodThrough = q.GoodThrough,
            PerDiem = q.PerDiem,
            PrincipalBalance = q.Principal,
            NextPaymentAmount = q.ShowNext ? q.Payment : null,
            NextPaymentDueDate = q.ShowNext ? q.NextDue : null,
            InterestRatePct = q.ShowRate ? q.Rate : null,
            AccountLast4 = q.Last4,
        });
    }

    private static Quote DrawQuote(Draw draw, DateOnly asOf)
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
        var goodThrough = asOf.AddDays(draw.Pick(10, 10, 10, 9, 12, 14));
        var paidTo = asOf.AddDays(-draw.Next(2, 28));
        var accrued = PerDiem(principal, rate) * (goodThrough.DayNumber - paidTo.DayNumber);
        var late = draw.OneIn(4) ? draw.Pick(15m, 25m, 35m, 5m * draw.Next(3, 8)) : 0m;
        var titleFee = draw.OneIn(2) ? draw.Pick(15m, 20m, 25m, 7.5m) : 0m;
        var room = accrued + late + titleFee;
        var credit = room > 20m && draw.OneIn(2) ? draw.Amount(5m, room - 1m) : 0m;
        var payment = Installment(principal, rate, draw.Next(24, 67));
        return new(lender, brand, models, last4, account, principal, rate, goodThrough, paidTo, late, titleFee, credit, payment, draw.OneIn(2), !draw.OneIn(4));
    }

    private static Fax DrawFax(Draw draw, string last4, DateOnly asOf)
    {
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
        return new(dealer, dealerFax, lenderFax, lenderPhone, time, customer, contract, year, vin, wireAccount, draw.Pick("021000089", "071000013", "121000248", "026009593", "111000614"));
    }

    private static string Cover(Draw draw, Quote q, Fax f, DateOnly asOf, string date) => Lines(
        $"{asOf.ToString("MMM-dd-yyyy", Inv).ToUpperInvariant()} {f.Time.ToString("HH:mm", Inv)}  FROM:{q.Brand} PAYOFF   {Digitize(f.LenderFax)}  TO:{Digitize(f.DealerFax)}   P.1/2",
        "",
        "F A X   T R A N S M I T T A L",
        "",
        $"DATE:    {date}",
        $"TO:      {f.Dealer}  ATTN: {draw.Pick("TITLE CLERK", "PAYOFF DEPT", "BUSINESS OFFICE", "F&I")}",
        $"FAX:     {f.DealerFax}",
        $"FROM:    {q.Lender.ToUpperInvariant()} - {draw.Pick("PAYOFF / TITLE SERVICES", "DEALER PAYOFF UNIT", "LIEN RELEASE DEPT")}",
        $"PHONE:   {f.LenderPhone}     FAX: {f.LenderFax}",
        "PAGES:   2 (INCLUDING COVER)",
        $"RE:      PAYOFF REQUEST - {f.Customer} - ACCT ENDING {q.Last4}",
        "",
        "CONFIDENTIALITY NOTICE: THIS FACSIMILE CONTAINS CONFIDENTIAL CUSTOMER INFORMATION INTENDED ONLY FOR THE",
        "ADDRESSEE. IF YOU RECEIVED IT IN ERROR, NOTIFY THE SENDER AT THE NUMBER ABOVE AND DESTROY ALL COPIES.");

    /// <summary>The payoff's items on dotted leaders; credits trail a minus, a CR or sit in parentheses.</summary>
    private static string Items(Draw draw, Quote q, string payoffLabel)
    {
        static string Item(string label, string value) => label.PadRight(40, '.') + value.PadLeft(14);
        return Lines(
            Item("PRINCIPAL BALANCE", Plain(q.Principal)),
            Item("INTEREST " + (draw.OneIn(2) ? "ACCRUED TO " + Dt(draw, q.GoodThrough) : "DUE (" + (q.GoodThrough.DayNumber - q.PaidTo.DayNumber).ToString(Inv) + " DAYS)"), Plain(q.Accrued)),
            q.Late > 0 ? Item("LATE CHARGES DUE", Plain(q.Late)) : null,
            q.TitleFee > 0 ? Item(draw.Pick("LIEN RELEASE FEE", "TITLE/LIEN FEE", "DMV RELEASE FEE"), Plain(q.TitleFee)) : null,
            q.Credit > 0 ? Item(draw.Pick("UNAPPLIED FUNDS", "SUSPENSE BALANCE", "PARTIAL PMT HELD"), draw.Pick(Plain(q.Credit) + "-", Plain(q.Credit) + " CR", "(" + Plain(q.Credit) + ")")) : null,
            "".PadRight(54, '-'),
            Item(payoffLabel, Plain(q.Payoff)));
    }

    private static string Facts(Draw draw, Quote q, Fax f)
    {
        var rateLabel = draw.Pick("CONTRACT RATE", "APR", "ANNUAL PERCENTAGE RATE", "SIMPLE INT RATE");
        return Lines(
            $"ACCOUNT NUMBER:  {q.Account}" + (draw.OneIn(2) ? $"       DEALER NO: {Digits(draw, 5)}" : ""),
            $"CUSTOMER:        {f.Customer}",
            $"VEHICLE:         {f.Year.ToString(Inv)} {q.Brand} {draw.Pick(q.Models)}",
            $"VIN:             {f.Vin}",
            $"AMOUNT FINANCED: {Plain(Math.Round(q.Principal * (1m + (draw.Next(15, 90) / 100m)), 2))}     CONTRACT DATE: {Dt(draw, f.Contract)}",
            q.ShowRate ? $"{rateLabel}:  {q.Rate.ToString(draw.OneIn(2) ? "0.000" : "0.00", Inv)}%" : null,
            $"PAID TO DATE:    {Dt(draw, q.PaidTo)}",
            q.ShowNext ? $"NEXT PAYMENT DUE {Dt(draw, q.NextDue)}   REGULAR PAYMENT AMOUNT {Plain(q.Payment)}" : null);
    }

    /// <summary>A mainframe's date, its format drawn anew each time: the form mixes them.</summary>
    private static string Dt(Draw draw, DateOnly d) => draw.Next(4) switch
    {
        0 => d.ToString("dd-MMM-yyyy", Inv).ToUpperInvariant(),
        1 => d.ToString("MM/dd/yy", Inv),
        2 => d.ToString("MMM dd yyyy", Inv).ToUpperInvariant(),
        _ => d.ToString("MM/dd/yyyy", Inv),
    };

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
