using Extraction.Core.Contracts;
using Extraction.Tooling.Generation.Kit;
using static Extraction.Tooling.Generation.Families.Blind4.Blind4Draws;
using static Extraction.Tooling.Generation.Kit.Formatting;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.Blind4;

internal static class DealerTradePayoffVerification
{
    public static DocumentFamily Family { get; } = new("dealer-trade-payoff-verification", FamilySet.HeldOut, 10, "A dealership title clerk verifying a trade-in's payoff: an e-mail thread, deal-jacket notes, or a recorded call through the lender's phone menu.", Write);

    /// <summary>The trade-in's loan and the deal it goes into, drawn before the clerk writes anything down.</summary>
    private sealed record Trade(
        string Lender, string Dealer, string Last4, decimal Principal, decimal Rate, int QuoteDays, DateOnly GoodThrough, int SinceLastPayment, decimal Fee,
        decimal Regular, DateOnly NextDue, string Vehicle, decimal Acv, string Customer, string Clerk, string Deal, string Stock, string Vin)
    {
        public decimal PerDiem => LoanMath.PerDiem(Principal, Rate, 365, MidpointRounding.AwayFromZero);

        public decimal Payoff => Principal + Math.Round(PerDiem * (SinceLastPayment + QuoteDays), 2) + Fee;

        public string ClerkFirst => Clerk.Split(' ')[0];
    }

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var t = DrawTrade(draw, asOf);
        var mode = draw.Next(3);
        var states = (Principal: draw.OneIn(2), Next: draw.OneIn(2));
        var (text, kind) = mode switch
        {
            0 => (Email(draw, t, states, asOf), SourceKind.Other),
            1 => (DealJacketNotes(draw, t, states, asOf), SourceKind.Other),
            _ => (RecordedCall(draw, t, states, asOf), SourceKind.CallTranscript),
        };
        return new(LiabilityType.AutoLoan, kind, t.Lender, text, new ExtractedFields
        {
            PayoffAmount = t.Payoff,
            PayoffGoodThrough = t.GoodThrough,
            PerDiem = t.PerDiem,
            PrincipalBalance = states.Principal ? t.Principal : null,
            NextPaymentAmount = states.Next ? t.Regular : null,
            NextPaymentDueDate = states.Next ? t.NextDue : null,
            AccountLast4 = t.Last4,
        });
    }

    private static Trade DrawTrade(Draw draw, DateOnly asOf)
    {
        var lender = draw.Pick("Ally Auto", "Westlake Financial", "Capital One Auto Finance", "Santander Consumer USA", "Toyota Financial Services", "Chase Auto", "GM Financial", "Bridgecrest", "Exeter Finance", "Global Lending Services");
        var dealer = draw.Pick("Lakeshore Honda", "Bill Kremer Chevrolet Buick GMC", "Sun Valley Toyota", "Route 9 Nissan", "Tri-State Kia", "Prairie Ford Lincoln", "Canyon Hyundai", "Riverside Chrysler Dodge Jeep Ram");
        var last4 = draw.Last4();
        var principal = draw.Amount(3_800m, 42_000m);
        var rate = Math.Round(draw.Rate(2.9m, 23.9m), 2);
        var quoteDays = draw.Pick(10, 10, 10, 7, 15, 20);
        var sinceLastPayment = draw.Next(3, 28);
        var fee = draw.OneIn(5) ? draw.Pick(15, 25, 30) : 0m;
        var regular = Installment(principal, rate, draw.Next(30, 72));
        var nextDue = asOf.AddDays(draw.Next(2, 30));
        var (vehicle, vinStart) = draw.Pick(Vehicles);
        var acv = Math.Round(principal * draw.Amount(0.6m, 1.3m) / 100m, 0) * 100m;
        var customer = Person(draw);
        var clerk = Person(draw);
        var deal = Int(draw.Next(10_000, 99_999));
        var stock = draw.Pick("T", "U", "P") + Int(draw.Next(1000, 9999)) + draw.Pick("A", "B", "");
        var vin = vinStart + draw.Pick("4", "5", "X", "7") + "GHJKLMN"[int.Parse(vehicle[..4], Inv) - 2016] + draw.Pick("C", "L", "U", "A") + Int(draw.Next(100_000, 999_999));
        return new(lender, dealer, last4, principal, rate, quoteDays, asOf.AddDays(quoteDays), sinceLastPayment, fee, regular, nextDue, vehicle, acv, customer, clerk, deal, stock, vin);
    }

    /// <summary>The title clerk's reply to the sales desk, above the message that asked (a stale letter, or a guess).</summary>
    private static string Email(Draw draw, Trade t, (bool Principal, bool Next) states, DateOnly asOf)
    {
        var stale = draw.OneIn(2);
        var staleThrough = asOf.AddDays(-draw.Next(1, 20));
        var staleAmount = t.Payoff + draw.Amount(-350m, 350m);
        var d = draw.Pick("MM/dd/yyyy", "M/d/yy", "M/d");
        var acct = draw.Pick($"Acct #: ...{t.Last4}", $"Account ending in {t.Last4}", $"Loan # 0{Int(draw.Next(10_000_000, 99_999_999))}{t.Last4}");
        var diff = t.Acv - t.Payoff;
        return $"""
            From: {t.Clerk} <{t.ClerkFirst.ToLowerInvariant()}.{t.Clerk.Split(' ')[^1].ToLowerInvariant()}@{t.Dealer.Split(' ')[0].ToLowerInvariant()}auto.com>
            Sent: {asOf.ToString("dddd, MMMM d, yyyy", Inv)} {Int(draw.Next(8, 12))}:{Int(draw.Next(10, 60))} AM
            To: Sales Desk; F&I
            Subject: RE: Trade payoff - {t.Customer} - Deal #{t.Deal} / Stk# {t.Stock}

            Payoff verified on the {t.Vehicle} trade (VIN {t.Vin}). Called {t.Lender} dealer services at {TollFree(draw)}, spoke w/ {draw.Pick("Marcus", "Jasmine", "Dana", "Luis", "Priya", "Kevin")} (rep ID {draw.Pick("MJ", "TK", "RB", "AL")}{Int(draw.Next(10, 999))}).

            {acct}
            {Int(t.QuoteDays)} day payoff: {Usd(t.Payoff)}
            Good thru: {t.GoodThrough.ToString(d, Inv)}
            Per diem: {Usd(t.PerDiem)}
            {(states.Principal ? $"Principal bal {Usd(t.Principal)}, rest is interest{(t.Fee > 0 ? $" and a {Usd(t.Fee)} late fee" : "")}." : "")}
            {(states.Next ? $"Next pmt of {Usd(t.Regular)} due {t.NextDue.ToString(d, Inv)} - if we fund before then customer can skip it, otherwise it has to be made." : "")}
            Send payoff to: {t.Lender}, PO Box {Int(draw.Next(1000, 99999))}, {CityStateZip(draw)}. Overnight address on the letter.
            Title: {draw.Pick("electronic lien (ELT), release 5-10 business days after funds post", "paper title, mailed to us 10-15 business days after payoff", "ELT state, lender will release electronically")}.

            ACV on the trade is {Usd(t.Acv)} so customer is {(diff < 0 ? "upside down" : "in equity")} {Usd(Math.Abs(diff))}{(diff < 0 ? " - rolling it into the new deal per desk" : "")}.
            Ref/confirmation # {Int(draw.Next(10, 99))}-{Int(draw.Next(1000, 9999))}-{Int(draw.Next(10000, 99999))}

            {t.Clerk}
            Title Clerk | {t.Dealer}
            {Phone(draw)} ext {Int(draw.Next(200, 299))}

            -----Original Message-----
            From: {Person(draw)} (Sales)
            Sent: {asOf.AddDays(-draw.Next(0, 2)).ToString("dddd, MMMM d, yyyy", Inv)} 4:{Int(draw.Next(10, 60))} PM
            Subject: Trade payoff - {t.Customer} - Deal #{t.Deal} / Stk# {t.Stock}

            {(stale
                ? $"Customer brought a payoff letter from {t.Lender} showing {Usd(staleAmount)} good thru {staleThrough.ToString(d, Inv)} - expired, need a fresh one before we fund."
                : $"Customer thinks they owe about {Int((int)Math.Round(t.Payoff / 1000m))} grand, no paperwork with them. Need verified payoff before we fund.")} Customer cell {Phone(draw)}.
            """;
    }

    /// <summary>The clerk's time-stamped notes in the deal jacket, initialled.</summary>
    private static string DealJacketNotes(Draw draw, Trade t, (bool Principal, bool Next) states, DateOnly asOf)
    {
        var initials = string.Concat(t.Clerk.Split(' ').Select(p => p[0]));
        var time = draw.Next(8, 11);
        string Stamp(int minutes) => $"{asOf.ToString("MM/dd/yy", Inv)} {Int(time + (minutes / 60))}:{(minutes % 60).ToString("D2", Inv)} {initials}";
        var lines = new List<string>
        {
            $"{Stamp(2)}  Called lienholder {t.Lender} {TollFree(draw)}. IVR asked for customer SSN, hit 0, transferred to dealer line.",
            $"{Stamp(9)}  Rep {draw.Pick("Dana K", "Rob", "Marisol", "T. Nguyen", "Carla")}. Acct ending {t.Last4}. Customer is sole borrower.",
            $"{Stamp(11)}  PAYOFF {Plain(t.Payoff)} GOOD THRU {t.GoodThrough.ToString("MM/dd/yy", Inv)}. PER DIEM {Plain(t.PerDiem)}.",
        };
        if (states.Principal)
        {
            lines.Add($"{Stamp(12)}  Prin bal {Plain(t.Principal)} per rep. {(t.Fee > 0 ? $"Payoff incl {Plain(t.Fee)} late chg." : "No fees on acct.")}");
        }

        if (states.Next)
        {
            lines.Add($"{Stamp(13)}  Next pmt {Plain(t.Regular)} due {t.NextDue.ToString("MM/dd/yy", Inv)}; last pd {asOf.AddDays(-t.SinceLastPayment).ToString("MM/dd", Inv)}{(t.Fee > 0 ? ", paid late" : ", cust is current")}.");
        }

        lines.Add($"{Stamp(15)}  Mail to PO Box {Int(draw.Next(1000, 99999))} {CityStateZip(draw).ToUpperInvariant()}. Release {draw.Pick("ELT", "by mail")} {Int(draw.Next(5, 11))}-{Int(draw.Next(12, 21))} days.");
        lines.Add($"{Stamp(22)}  ACV {Plain(t.Acv)} -> {(t.Acv >= t.Payoff ? "equity" : "neg eq")} {Plain(Math.Abs(t.Acv - t.Payoff))}. Gave #s to F&I ({Person(draw).Split(' ')[0]}).");
        return $"""
            DEAL JACKET NOTES - DEAL #{t.Deal}                  {t.Dealer}
            Customer: {t.Customer.ToUpperInvariant()}        Trade: {t.Vehicle.ToUpperInvariant()}
            VIN {t.Vin}   Miles {(draw.Next(18, 140) * 1000 + draw.Next(0, 1000)).ToString("#,##0", Inv)}   Stock {t.Stock}
            Lienholder: {t.Lender}

            {string.Join("\n", lines)}
            """;
    }

    /// <summary>The lender's phone menu read into a recording: the payoff said in figures or in words, then a fax requested.</summary>
    private static string RecordedCall(Draw draw, Trade t, (bool Principal, bool Next) states, DateOnly asOf)
    {
        var spoken = (Payoff: draw.OneIn(2), PerDiem: draw.OneIn(2));
        var commas = draw.OneIn(2);
        var and = draw.OneIn(2);
        string Say(decimal v, bool words) => words ? MoneyInWords.Dollars(v, commas, and) : Usd(v);
        var accountDigits = Int(draw.Next(10_000_000, 99_999_999)) + t.Last4;
        var month = t.GoodThrough.ToString("MMMM", Inv);
        var lines = new List<string>
        {
            $"[Recorded line - outbound - {t.Dealer} title office ext {Int(draw.Next(200, 299))} - {asOf.ToString("MM/dd/yyyy", Inv)} {Int(draw.Next(8, 12))}:{Int(draw.Next(10, 60))} AM]",
            $"IVR: Thank you for calling {t.Lender}. This call may be monitored or recorded. If you are a dealer or lienholder requesting a payoff, press 3.",
            "[keypad: 3]",
            "IVR: Please enter the account number, followed by the pound sign.",
            $"[keypad: {string.Join(' ', accountDigits.ToCharArray())} #]",
            draw.OneIn(2) ? $"IVR: You entered an account ending in {string.Join(' ', t.Last4.ToCharArray())}. If this is correct, press 1." : $"IVR: For the account ending in {t.Last4}, press 1 to continue.",
            "[keypad: 1]",
            "IVR: Please enter the last four digits of the primary borrower's Social Security number.",
            "[keypad tones]",
            $"IVR: The {Int(t.QuoteDays)} day payoff amount, good through {month} {Ordinal(t.GoodThrough.Day)}, {Int(t.GoodThrough.Year)}, is {Say(t.Payoff, spoken.Payoff)}.",
            $"IVR: If funds are received after that date, add {Say(t.PerDiem, spoken.PerDiem)} per day.",
        };
        if (states.Principal)
        {
            lines.Add($"IVR: The current principal balance is {Say(t.Principal, !spoken.Payoff)}.");
        }

        if (states.Next)
        {
            lines.Add($"IVR: The next payment of {Usd(t.Regular)} is due on {t.NextDue.ToString("MMMM", Inv)} {Ordinal(t.NextDue.Day)}.");
        }

        lines.Add("IVR: To hear this information again, press 1. To receive a payoff letter by fax, press 2. To return to the main menu, press star.");
        lines.Add("[keypad: 2]");
        lines.Add("IVR: Please enter your ten digit fax number.");
        lines.Add($"[keypad: {string.Join(' ', (Int(draw.Next(200, 990)) + Int(draw.Next(200, 990)) + draw.Next(0, 10000).ToString("D4", Inv)).ToCharArray())}]");
        lines.Add($"IVR: Your payoff letter will be faxed within fifteen minutes. Your confirmation number is {Int(draw.Next(100000, 999999))}. Goodbye.");
        lines.Add("[call ended]");
        if (draw.OneIn(2))
        {
            lines.Add("");
            lines.Add($"Clerk note ({t.ClerkFirst}): {t.Vehicle} trade, deal {t.Deal}. Payoff {Plain(t.Payoff)} gt {t.GoodThrough.ToString("M/d", Inv)}, pd {Plain(t.PerDiem)}. Waiting on fax. ACV {Plain(t.Acv)}.");
        }

        return string.Join("\n", lines);
    }

    private static readonly (string Vehicle, string VinStart)[] Vehicles =
    [
        ("2019 Honda CR-V EX", "2HKRW2H5"), ("2018 Nissan Altima 2.5 SV", "1N4BL4DV"), ("2020 Chevrolet Silverado 1500 LT", "3GCUYDED"),
        ("2017 Toyota Camry SE", "4T1B11HK"), ("2021 Jeep Grand Cherokee Laredo", "1C4RJFAG"), ("2016 Ford Escape Titanium", "1FMCU9J9"), ("2022 Hyundai Tucson SEL", "5NMJB3AE"),
    ];
}
