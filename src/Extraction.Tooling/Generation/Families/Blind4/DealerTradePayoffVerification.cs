using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.Blind4.Blind4Draws;
using static Extraction.Tooling.Generation.Kit.Formatting;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.Blind4;

internal static class DealerTradePayoffVerification
{
    public static DocumentFamily Family { get; } = new("dealer-trade-payoff-verification", FamilySet.HeldOut, 10, "A dealership title clerk verifying a trade-in's payoff: an e-mail thread, deal-jacket notes, or a recorded call through the lender's phone menu.", Write);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var lender = draw.Pick("Ally Auto", "Westlake Financial", "Capital One Auto Finance", "Santander Consumer USA", "Toyota Financial Services", "Chase Auto", "GM Financial", "Bridgecrest", "Exeter Finance", "Global Lending Services");
        var dealer = draw.Pick("Lakeshore Honda", "Bill Kremer Chevrolet Buick GMC", "Sun Valley Toyota", "Route 9 Nissan", "Tri-State Kia", "Prairie Ford Lincoln", "Canyon Hyundai", "Riverside Chrysler Dodge Jeep Ram");
        var last4 = draw.Last4();
        var principal = draw.Amount(3_800m, 42_000m);
        var rate = Math.Round(draw.Rate(2.9m, 23.9m), 2);
        var perDiem = PerDiem(principal, rate, 365, MidpointRounding.AwayFromZero);
        var quoteDays = draw.Pick(10, 10, 10, 7, 15, 20);
        var goodThrough = asOf.AddDays(quoteDays);
        var sinceLastPayment = draw.Next(3, 28);
        var fee = draw.OneIn(5) ? draw.Pick(15, 25, 30) : 0m;
        var payoff = principal + Math.Round(perDiem * (sinceLastPayment + quoteDays), 2) + fee;
        var regular = Installment(principal, rate, draw.Next(30, 72));
        var nextDue = asOf.AddDays(draw.Next(2, 30));
        var (vehicle, vinStart) = draw.Pick(Vehicles);
        var acv = Math.Round(principal * draw.Amount(0.6m, 1.3m) / 100m, 0) * 100m;
        var customer = Person(draw);
        var clerk = Person(draw);
        var deal = Int(draw.Next(10_000, 99_999));
        var stock = draw.Pick("T", "U", "P") + Int(draw.Next(1000, 9999)) + draw.Pick("A", "B", "");
        var vin = vinStart + draw.Pick("4", "5", "X", "7") + "GHJKLMN"[int.Parse(vehicle[..4], Inv) - 2016] + draw.Pick("C", "L", "U", "A") + Int(draw.Next(100_000, 999_999));
        var mode = draw.Next(3);

        string text;
        var states = (Principal: draw.OneIn(2), Next: draw.OneIn(2));
        switch (mode)
        {
            case 0:
            {
                var stale = draw.OneIn(2);
                var staleThrough = asOf.AddDays(-draw.Next(1, 20));
                var staleAmount = payoff + draw.Amount(-350m, 350m);
                var d = draw.Pick("MM/dd/yyyy", "M/d/yy", "M/d");
                var acct = draw.Pick($"Acct #: ...{last4}", $"Account ending in {last4}", $"Loan # 0{Int(draw.Next(10_000_000, 99_999_999))}{last4}");
                var diff = acv - payoff;
                text = $"""
                        From: {clerk} <{clerk.Split(' ')[0].ToLowerInvariant()}.{clerk.Split(' ')[^1].ToLowerInvariant()}@{dealer.Split(' ')[0].ToLowerInvariant()}auto.com>
                        Sent: {asOf.ToString("dddd, MMMM d, yyyy", Inv)} {Int(draw.Next(8, 12))}:{Int(draw.Next(10, 60))} AM
                        To: Sales Desk; F&I
                        Subject: RE: Trade payoff - {customer} - Deal #{deal} / Stk# {stock}

                        Payoff verified on the {vehicle} trade (VIN {vin}). Called {lender} dealer services at {TollFree(draw)}, spoke w/ {draw.Pick("Marcus", "Jasmine", "Dana", "Luis", "Priya", "Kevin")} (rep ID {draw.Pick("MJ", "TK", "RB", "AL")}{Int(draw.Next(10, 999))}).

                        {acct}
                        {Int(quoteDays)} day payoff: {Usd(payoff)}
                        Good thru: {goodThrough.ToString(d, Inv)}
                        Per diem: {Usd(perDiem)}
                        {(states.Principal ? $"Principal bal {Usd(principal)}, rest is interest{(fee > 0 ? $" and a {Usd(fee)} late fee" : "")}." : "")}
                        {(states.Next ? $"Next pmt of {Usd(regular)} due {nextDue.ToString(d, Inv)} - if we fund before then customer can skip it, otherwise it has to be made." : "")}
                        Send payoff to: {lender}, PO Box {Int(draw.Next(1000, 99999))}, {CityStateZip(draw)}. Overnight address on the letter.
                        Title: {draw.Pick("electronic lien (ELT), release 5-10 business days after funds post", "paper title, mailed to us 10-15 business days after payoff", "ELT state, lender will release electronically")}.

                        ACV on the trade is {Usd(acv)} so customer is {(diff < 0 ? "upside down" : "in equity")} {Usd(Math.Abs(diff))}{(diff < 0 ? " - rolling it into the new deal per desk" : "")}.
                        Ref/confirmation # {Int(draw.Next(10, 99))}-{Int(draw.Next(1000, 9999))}-{Int(draw.Next(10000, 99999))}

                        {clerk}
                        Title Clerk | {dealer}
                        {Phone(draw)} ext {Int(draw.Next(200, 299))}

                        -----Original Message-----
                        From: {Person(draw)} (Sales)
                        Sent: {asOf.AddDays(-draw.Next(0, 2)).ToString("dddd, MMMM d, yyyy", Inv)} 4:{Int(draw.Next(10, 60))} PM
                        Subject: Trade payoff - {customer} - Deal #{deal} / Stk# {stock}

                        {(stale
                            ? $"Customer brought a payoff letter from {lender} showing {Usd(staleAmount)} good thru {staleThrough.ToString(d, Inv)} - expired, need a fresh one before we fund."
                            : $"Customer thinks they owe about {Int((int)Math.Round(payoff / 1000m))} grand, no paperwork with them. Need verified payoff before we fund.")} Customer cell {Phone(draw)}.
                        """;
                break;
            }

            case 1:
            {
                var initials = string.Concat(clerk.Split(' ').Select(p => p[0]));
                var time = draw.Next(8, 11);
                string Stamp(int minutes) => $"{asOf.ToString("MM/dd/yy", Inv)} {Int(time + (minutes / 60))}:{(minutes % 60).ToString("D2", Inv)} {initials}";
                var lines = new List<string>
                {
                    $"{Stamp(2)}  Called lienholder {lender} {TollFree(draw)}. IVR asked for customer SSN, hit 0, transferred to dealer line.",
                    $"{Stamp(9)}  Rep {draw.Pick("Dana K", "Rob", "Marisol", "T. Nguyen", "Carla")}. Acct ending {last4}. Customer is sole borrower.",
                    $"{Stamp(11)}  PAYOFF {Plain(payoff)} GOOD THRU {goodThrough.ToString("MM/dd/yy", Inv)}. PER DIEM {Plain(perDiem)}.",
                };
                if (states.Principal)
                {
                    lines.Add($"{Stamp(12)}  Prin bal {Plain(principal)} per rep. {(fee > 0 ? $"Payoff incl {Plain(fee)} late chg." : "No fees on acct.")}");
                }

                if (states.Next)
                {
                    lines.Add($"{Stamp(13)}  Next pmt {Plain(regular)} due {nextDue.ToString("MM/dd/yy", Inv)}; last pd {asOf.AddDays(-sinceLastPayment).ToString("MM/dd", Inv)}{(fee > 0 ? ", paid late" : ", cust is current")}.");
                }

                lines.Add($"{Stamp(15)}  Mail to PO Box {Int(draw.Next(1000, 99999))} {CityStateZip(draw).ToUpperInvariant()}. Release {draw.Pick("ELT", "by mail")} {Int(draw.Next(5, 11))}-{Int(draw.Next(12, 21))} days.");
                lines.Add($"{Stamp(22)}  ACV {Plain(acv)} -> {(acv >= payoff ? "equity" : "neg eq")} {Plain(Math.Abs(acv - payoff))}. Gave #s to F&I ({Person(draw).Split(' ')[0]}).");
                text = $"""
                        DEAL JACKET NOTES - DEAL #{deal}                  {dealer}
                        Customer: {customer.ToUpperInvariant()}        Trade: {vehicle.ToUpperInvariant()}
                        VIN {vin}   Miles {(draw.Next(18, 140) * 1000 + draw.Next(0, 1000)).ToString("#,##0", Inv)}   Stock {stock}
                        Lienholder: {lender}

                        {string.Join("\n", lines)}
                        """;
                break;
            }

            default:
            {
                var spoken = (Payoff: draw.OneIn(2), PerDiem: draw.OneIn(2));
                var commas = draw.OneIn(2);
                var and = draw.OneIn(2);
                string Say(decimal v, bool words) => words ? MoneyInWords.Dollars(v, commas, and) : Usd(v);
                var accountDigits = Int(draw.Next(10_000_000, 99_999_999)) + last4;
                var month = goodThrough.ToString("MMMM", Inv);
                var lines = new List<string>
                {
                    $"[Recorded line - outbound - {dealer} title office ext {Int(draw.Next(200, 299))} - {asOf.ToString("MM/dd/yyyy", Inv)} {Int(draw.Next(8, 12))}:{Int(draw.Next(10, 60))} AM]",
                    $"IVR: Thank you for calling {lender}. This call may be monitored or recorded. If you are a dealer or lienholder requesting a payoff, press 3.",
                    "[keypad: 3]",
                    "IVR: Please enter the account number, followed by the pound sign.",
                    $"[keypad: {string.Join(' ', accountDigits.ToCharArray())} #]",
                    draw.OneIn(2) ? $"IVR: You entered an account ending in {string.Join(' ', last4.ToCharArray())}. If this is correct, press 1." : $"IVR: For the account ending in {last4}, press 1 to continue.",
                    "[keypad: 1]",
                    "IVR: Please enter the last four digits of the primary borrower's Social Security number.",
                    "[keypad tones]",
                    $"IVR: The {Int(quoteDays)} day payoff amount, good through {month} {Ordinal(goodThrough.Day)}, {Int(goodThrough.Year)}, is {Say(payoff, spoken.Payoff)}.",
                    $"IVR: If funds are received after that date, add {Say(perDiem, spoken.PerDiem)} per day.",
                };
                if (states.Principal)
                {
                    lines.Add($"IVR: The current principal balance is {Say(principal, !spoken.Payoff)}.");
                }

                if (states.Next)
                {
                    lines.Add($"IVR: The next payment of {Usd(regular)} is due on {nextDue.ToString("MMMM", Inv)} {Ordinal(nextDue.Day)}.");
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
                    lines.Add($"Clerk note ({clerk.Split(' ')[0]}): {vehicle} trade, deal {deal}. Payoff {Plain(payoff)} gt {goodThrough.ToString("M/d", Inv)}, pd {Plain(perDiem)}. Waiting on fax. ACV {Plain(acv)}.");
                }

                text = string.Join("\n", lines);
                return new(LiabilityType.AutoLoan, SourceKind.CallTranscript, lender, text, Gold());
            }
        }

        return new(LiabilityType.AutoLoan, SourceKind.Other, lender, text, Gold());

        ExtractedFields Gold() => new()
        {
            PayoffAmount = payoff,
            PayoffGoodThrough = goodThrough,
            PerDiem = perDiem,
            PrincipalBalance = states.Principal ? principal : null,
            NextPaymentAmount = states.Next ? regular : null,
            NextPaymentDueDate = states.Next ? nextDue : null,
            AccountLast4 = last4,
        };
    }

    private static readonly (string Vehicle, string VinStart)[] Vehicles =
    [
        ("2019 Honda CR-V EX", "2HKRW2H5"), ("2018 Nissan Altima 2.5 SV", "1N4BL4DV"), ("2020 Chevrolet Silverado 1500 LT", "3GCUYDED"),
        ("2017 Toyota Camry SE", "4T1B11HK"), ("2021 Jeep Grand Cherokee Laredo", "1C4RJFAG"), ("2016 Ford Escape Titanium", "1FMCU9J9"), ("2022 Hyundai Tucson SEL", "5NMJB3AE"),
    ];
}
