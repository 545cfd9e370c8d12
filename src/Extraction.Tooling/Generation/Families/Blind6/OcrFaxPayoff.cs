using System.Globalization;
using System.Text;
using Extraction.Core.Contracts;

namespace Extraction.Tooling.Generation.Families.Blind6;

/// <summary>A mortgage or auto payoff letter that was faxed to a title company or dealer, scanned and run through OCR.</summary>
internal static class OcrFaxPayoff
{
    public static DocumentFamily Family { get; } = new("ocr-fax-payoff-letter", FamilySet.HeldOut, 10,
        "OCR text of a faxed mortgage or auto payoff letter: fax cover, fax headers, page stamps, OCR character noise", Write);

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly string[] MortgageServicers =
    [
        "Mr. Cooper", "PennyMac Loan Services, LLC", "Freedom Mortgage Corporation", "Shellpoint Mortgage Servicing",
        "Carrington Mortgage Services, LLC", "Cenlar FSB", "LoanCare, LLC", "Flagstar Bank", "Lakeview Loan Servicing",
        "Midland Mortgage", "RoundPoint Mortgage Servicing LLC", "NewRez LLC", "Dovenmuehle Mortgage, Inc.",
    ];

    private static readonly string[] AutoLenders =
    [
        "Ally Financial", "Capital One Auto Finance", "Santander Consumer USA", "Wells Fargo Auto", "TD Auto Finance",
        "Exeter Finance LLC", "Westlake Financial Services", "Chase Auto Finance", "Bank of America Auto", "U.S. Bank Auto",
        "Truist Dealer Services", "Global Lending Services LLC",
    ];

    private static readonly string[] TitleCompanies =
    [
        "First American Title", "Stewart Title Company", "Fidelity National Title", "Old Republic Title", "Chicago Title",
        "WFG National Title", "Title Resources Guaranty", "Landmark Title & Escrow",
    ];

    private static readonly string[] Dealers =
    [
        "Lone Star Honda", "AutoNation Toyota", "CarMax #7214", "Hendrick Chevrolet", "Sunrise Ford", "Park Place Lexus",
        "Bayside Nissan", "Carvana LLC", "Metro Hyundai", "Valley Kia",
    ];

    private static readonly string[] Names =
    [
        "ROBERT J HALVERSON", "LINDA M OKONKWO", "JAMES PATTERSON", "MARIA L SANTOS", "KEVIN D O'BRIEN", "SARAH E LINDQVIST",
        "ANTHONY RUSSO", "PATRICIA A NGUYEN", "BRIAN K WALLACE", "TAMIKA R JONES", "STEVEN LIU", "ANGELA M FERREIRA",
    ];

    private static readonly string[] Streets = ["OAK HOLLOW DR", "W 38TH ST", "MAPLE RIDGE CT", "SUNSET BLVD", "PINE CREEK LN", "CHESTNUT AVE", "RIVERBEND RD"];

    private static readonly string[] Vehicles =
    [
        "2021 HONDA ACCORD", "2022 TOYOTA RAV4", "2020 FORD F-150", "2023 HYUNDAI TUCSON", "2019 CHEVROLET EQUINOX",
        "2022 NISSAN ROGUE", "2021 JEEP GRAND CHEROKEE", "2024 KIA SPORTAGE", "2020 SUBARU OUTBACK",
    ];

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var mortgage = draw.OneIn(2);
        var lender = mortgage ? draw.Pick(MortgageServicers) : draw.Pick(AutoLenders);
        var borrower = draw.Pick(Names);
        var recipient = mortgage ? draw.Pick(TitleCompanies) : draw.Pick(Dealers);
        var loanNumber = (mortgage ? "00" + draw.Next(10, 99).ToString(Inv) + draw.Next(0, 100).ToString("D2", Inv) : draw.Next(100, 999).ToString(Inv) + draw.Next(0, 1000).ToString("D3", Inv)) + draw.Last4();
        var last4 = loanNumber[^4..];
        var letterDate = asOf.AddDays(-draw.Next(0, 3));
        var goodThrough = asOf.AddDays(draw.Next(8, 31));

        var principal = mortgage ? draw.Amount(62_000m, 468_000m) : draw.Amount(3_900m, 46_000m);
        var rate = mortgage ? decimal.Parse(draw.Pick("2.875", "3.25", "3.5", "3.625", "3.99", "4.125", "4.375", "5.75", "6.25", "6.375", "6.875", "7.125"), Inv) : Math.Round(draw.Rate(3.9m, 19.9m), 2);
        var basis = mortgage && draw.OneIn(3) ? 360m : 365m;
        var perDiem = Math.Round(principal * rate / 100m / basis, 2);
        var paidTo = mortgage ? new DateOnly(asOf.Year, asOf.Month, 1) : asOf.AddDays(-draw.Next(4, 28));
        var interestDays = goodThrough.DayNumber - paidTo.DayNumber;
        var interest = perDiem * interestDays;
        var items = new List<(string Label, decimal Amount)>
        {
            (draw.Pick("Principal Balance", "Unpaid Principal Balance", "Principal"), principal),
            ($"Interest from {paidTo.ToString("MM/dd/yyyy", Inv)} to {goodThrough.ToString("MM/dd/yyyy", Inv)}", interest),
        };

        decimal? escrow = null;
        var escrowNote = "";
        var nextDue = mortgage ? paidTo.AddMonths(1) : (DateOnly?)null;
        decimal? monthly = null;
        if (mortgage)
        {
            var lateCharges = draw.OneIn(5) ? draw.Amount(40m, 120m) : 0m;
            items.Add(("Late Charges", lateCharges));
            var shape = draw.Next(4);
            if (shape == 0)
            {
                escrow = draw.Amount(350m, 4_800m);
                escrowNote = $"Escrow Balance: {Money(escrow.Value)} (not applied to payoff; any remaining escrow funds will be refunded within 20 business days)";
            }
            else if (shape == 1)
            {
                var deficit = draw.Amount(180m, 2_400m);
                escrow = -deficit;
                items.Add(("Escrow Advance", deficit));
                escrowNote = $"Escrow Balance: -{deficit.ToString("$#,##0.00", Inv)} (advanced by servicer, included above)";
            }

            items.Add(("Recording Fee", decimal.Parse(draw.Pick("25.00", "42.00", "58.00", "35.50", "120.00"), Inv)));
            items.Add((draw.Pick("Payoff Statement Fee", "Fax/Processing Fee", "Statement Fee"), decimal.Parse(draw.Pick("0.00", "20.00", "25.00", "30.00"), Inv)));
            if (draw.OneIn(3))
            {
                items.Add(("Less: Unapplied/Suspense Funds", -draw.Amount(15m, 600m)));
            }

            if (draw.OneIn(2))
            {
                var r = rate / 1200m;
                var growth = 1m;
                for (var m = draw.Next(200, 341); m > 0; m--)
                {
                    growth *= 1m + r;
                }

                monthly = Math.Round((principal * r * growth / (growth - 1m)) + draw.Amount(160m, 780m), 2);
            }
        }
        else
        {
            if (draw.OneIn(3))
            {
                items.Add(("Late Charges", draw.Amount(15m, 45m)));
            }

            items.Add((draw.Pick("Lien Release Fee", "Title Release Fee"), decimal.Parse(draw.Pick("0.00", "10.00", "15.00", "25.00"), Inv)));
        }

        var payoff = items.Sum(i => i.Amount);
        var statesRate = draw.Next(4) != 0;
        var statesNextDue = mortgage && draw.OneIn(2);
        var statesPrincipal = true;

        var faxFrom = Digits10(draw);
        var faxTo = Digits10(draw);
        var phone = Digits10(draw);
        var pages = 3;
        var time = $"{draw.Next(8, 17):D2}:{draw.Next(0, 60):D2}";
        var headerStyle = draw.Next(3);
        string FaxHeader(int page) => headerStyle switch
        {
            0 => $"{asOf.ToString("MM/dd/yyyy", Inv)} {time}    {faxFrom}        {Short(lender).ToUpperInvariant(),-24}  PAGE  {page:D2}/{pages:D2}",
            1 => $"{asOf.ToString("MMM-dd-yyyy", Inv).ToUpperInvariant()} {time} FROM:{Short(lender).ToUpperInvariant()} {faxFrom} TO:1{faxTo} P.{page:D3}/{pages:D3}",
            _ => $"Received: {asOf.ToString("M/d/yyyy", Inv)} {time}; -> {recipient}; Page {page}",
        };

        var cover = new List<string>
        {
            FaxHeader(1),
            "",
            draw.Pick("FAX COVER", "FAX COVER SHEET", "F A X  C O V E R"),
            "",
            $"Date: {letterDate.ToString("MM/dd/yyyy", Inv)}",
            $"To: {recipient}   Attn: {draw.Pick("Payoff Desk", "Closing Dept", "Title Dept", "Business Office", "Funding")}",
            $"Fax: {Phone(faxTo)}     Phone: {Phone(Digits10(draw))}",
            $"From: {lender} - {draw.Pick("Payoff Department", "Payoff Unit", "Loan Servicing", "Customer Payoff Team")}",
            $"Fax: {Phone(faxFrom)}     Phone: {Phone(phone)}",
            $"Pages (including cover): {pages}",
            $"Re: Payoff - {(draw.OneIn(2) ? "Loan # ******" + last4 : "Acct ending " + last4)} / {borrower.Split(' ')[^1]}",
            "",
            draw.Pick("Comments: Please see the attached payoff statement. Call with any questions.", "Comments: Payoff as requested.", "Comments: Attached is the payoff quote you requested."),
            "",
            "CONFIDENTIALITY NOTICE: This facsimile contains confidential information intended only for the named recipient. If you received this in error, please notify the sender and destroy all copies.",
        };

        var body = new List<string>
        {
            FaxHeader(2),
            lender.ToUpperInvariant(),
            $"P.O. Box {draw.Next(1000, 99999)}  {draw.Pick("Dallas, TX 75261", "Fort Washington, PA 19034", "Mount Laurel, NJ 08054", "Coppell, TX 75019", "Fort Worth, TX 76161", "Greenville, SC 29603")}",
            "",
            draw.Pick("PAYOFF STATEMENT", "PAYOFF QUOTE", "Payoff Statement", "LOAN PAYOFF LETTER"),
            $"Date: {Dt(draw, letterDate)}",
            "",
            $"Borrower(s): {borrower}",
            mortgage
                ? $"Property Address: {draw.Next(100, 9999)} {draw.Pick(Streets)}, {draw.Pick("AUSTIN TX 78745", "COLUMBUS OH 43221", "TAMPA FL 33611", "MESA AZ 85203", "RALEIGH NC 27606")}"
                : $"Vehicle: {draw.Pick(Vehicles)}  VIN: {Vin(draw)}",
            $"{(draw.OneIn(2) ? "Loan Number" : "Account Number")}: {loanNumber}",
            "",
            $"{draw.Pick("Payoff Good Through", "Good Through Date", "This payoff is good through")}: {Dt(draw, goodThrough)}",
        };
        if (statesRate)
        {
            body.Add($"Interest Rate: {rate.ToString(mortgage ? "0.000" : "0.00", Inv)}%{(basis == 360m ? "  (Interest calculated on a 360-day year)" : "")}");
        }

        if (statesNextDue)
        {
            body.Add($"Next Payment Due: {Dt(draw, nextDue!.Value)}{(monthly is null ? "" : $"   Monthly Payment: {Money(monthly.Value)}")}");
        }

        body.Add("");
        body.Add("PAYOFF ITEMIZATION");
        foreach (var (label, amount) in items)
        {
            var value = amount < 0 ? "(" + Money(-amount) + ")" : Money(amount);
            if (ReferenceEquals(label, items[0].Label) || label.StartsWith("Interest", StringComparison.Ordinal))
            {
                value = Glitch(draw, value);
            }

            body.Add($"{label,-44}{value,16}");
        }

        body.Add(new string('-', 60));
        body.Add($"{draw.Pick("TOTAL AMOUNT TO PAY OFF", "TOTAL PAYOFF AMOUNT", "Total Amount Due"),-44}{Money(payoff),16}");
        body.Add("");
        body.Add(draw.Pick(
            $"Per Diem: {Money(perDiem)}. If funds are received after {Dt(draw, goodThrough)}, add {Money(perDiem)} for each additional day.",
            $"Daily interest (per diem) after the good through date: {Money(perDiem)}",
            $"Interest accrues at {Money(perDiem)} per day after {Dt(draw, goodThrough)}."));
        if (escrowNote.Length > 0)
        {
            body.Add(escrowNote);
        }

        body.Add("This payoff does not reflect any payments that have not cleared. Figures are subject to final verification upon receipt of funds.");
        body.Add($"-- Page 2 of {pages} --");

        var wireAccount = draw.Next(1000, 9999).ToString(Inv) + draw.Next(100_000, 999_999).ToString(Inv) + draw.Last4();
        var remit = new List<string>
        {
            FaxHeader(3),
            draw.Pick("WIRE INSTRUCTIONS", "REMITTANCE INSTRUCTIONS", "How to Send Your Payoff"),
            $"Bank: {draw.Pick("JPMorgan Chase Bank, N.A.", "Wells Fargo Bank, N.A.", "U.S. Bank N.A.", "Bank of New York Mellon")}",
            $"ABA Routing No.: {draw.Pick("021000021", "121000248", "091000022", "021000018")}",
            $"Account No.: {wireAccount}",
            $"Beneficiary: {lender} Payoff Clearing",
            $"Reference: Loan {loanNumber} / {borrower}",
            "",
            $"Overnight mail: {lender}, Attn: Payoffs, {draw.Next(100, 9999)} {draw.Pick("Corporate Dr", "Commerce Pkwy", "Lakeside Blvd")} Suite {draw.Next(100, 600)}",
            "Funds received after 2:00 PM local time will be posted the next business day. Personal checks are not accepted.",
            $"Questions: {Phone(phone)}",
            $"Page 3 of {pages}",
        };

        var text = new StringBuilder();
        foreach (var line in cover.Concat([""]).Concat(body).Concat([""]).Concat(remit))
        {
            text.Append(Ocr(draw, line)).Append('\n');
        }

        var fields = new ExtractedFields
        {
            PayoffAmount = payoff,
            PayoffGoodThrough = goodThrough,
            PerDiem = perDiem,
            PrincipalBalance = statesPrincipal ? principal : null,
            EscrowBalance = escrow,
            NextPaymentAmount = statesNextDue ? monthly : null,
            NextPaymentDueDate = statesNextDue ? nextDue : null,
            InterestRatePct = statesRate ? Norm(rate) : null,
            AccountLast4 = last4,
        };
        var kind = draw.OneIn(5) ? SourceKind.Other : SourceKind.PayoffLetter;
        return new(mortgage ? LiabilityType.Mortgage : LiabilityType.AutoLoan, kind, lender, text.ToString(), fields);
    }

    private static string Money(decimal a) => a.ToString("$#,##0.00", Inv);

    private static string Dt(Draw draw, DateOnly d) => d.ToString(draw.Pick("MM/dd/yyyy", "MMMM d, yyyy", "MM/dd/yyyy"), Inv);

    private static string Short(string lender) => lender.Split(' ', ',')[0].TrimEnd('.') + " " + (lender.Split(' ').Length > 1 ? lender.Split(' ')[1].TrimEnd(',') : "");

    private static string Digits10(Draw draw) => draw.Pick("800", "888", "877", "214", "512", "469", "972", "614", "813") + draw.Next(200, 1000).ToString(Inv) + draw.Next(0, 10_000).ToString("D4", Inv);

    private static string Phone(string d) => $"({d[..3]}) {d[3..6]}-{d[6..]}";

    private static string Vin(Draw draw)
    {
        const string chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
        var vin = new StringBuilder();
        for (var i = 0; i < 17; i++)
        {
            vin.Append(chars[draw.Next(chars.Length)]);
        }

        return vin.ToString();
    }

    /// <summary>A realistic misread inside a figure that a reader can still undo: O for 0, l for 1, a space after a comma.</summary>
    private static string Glitch(Draw draw, string value)
    {
        if (!draw.OneIn(4))
        {
            return value;
        }

        var chars = value.ToCharArray();
        var candidates = Enumerable.Range(2, chars.Length - 2).Where(i => char.IsDigit(chars[i - 1]) && chars[i] is '0' or '1').ToList();
        if (candidates.Count > 0 && draw.Next(3) != 0)
        {
            var i = candidates[draw.Next(candidates.Count)];
            chars[i] = chars[i] == '0' ? 'O' : 'l';
            return new string(chars);
        }

        var comma = value.IndexOf(',', StringComparison.Ordinal);
        return comma > 0 ? value[..(comma + 1)] + " " + value[(comma + 1)..] : value;
    }

    /// <summary>OCR noise on a line: letters misread in words (never in figures), stray marks, broken lines.</summary>
    private static string Ocr(Draw draw, string line)
    {
        if (line.Length == 0)
        {
            return draw.OneIn(6) ? draw.Pick(".", "'", "~", " ") : line;
        }

        var words = line.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (w.Length < 3 || w.Any(c => char.IsDigit(c) || c == '$') || !draw.OneIn(7))
            {
                continue;
            }

            words[i] = Misread(draw, w);
        }

        var result = string.Join(draw.OneIn(8) ? "  " : " ", words);
        if (draw.OneIn(12))
        {
            result = draw.Pick("'", "|", "~", ".", "`", ",") + " " + result;
        }

        if (draw.OneIn(12))
        {
            result += draw.Pick(" '", " |", " .", "_", " ~", " ;");
        }

        if (result.Length > 50 && draw.OneIn(9))
        {
            // The scanner broke a long line at a word gap.
            var cut = result.IndexOf(' ', result.Length / 2);
            if (cut > 0)
            {
                result = result[..cut] + "\n" + result[(cut + 1)..];
            }
        }

        return result;
    }

    private static string Misread(Draw draw, string word)
    {
        (string From, string To)[] swaps =
        [
            ("O", "0"), ("o", "0"), ("l", "1"), ("I", "l"), ("i", "l"), ("S", "5"), ("s", "5"), ("B", "8"), ("rn", "m"),
            ("m", "rn"), ("e", "c"), ("h", "b"), ("cl", "d"), ("t", "l"), ("E", "F"), ("a", "o"), ("u", "ii"),
        ];
        var start = draw.Next(swaps.Length);
        for (var k = 0; k < swaps.Length; k++)
        {
            var (from, to) = swaps[(start + k) % swaps.Length];
            var at = word.IndexOf(from, StringComparison.Ordinal);
            if (at >= 0)
            {
                return word[..at] + to + word[(at + from.Length)..];
            }
        }

        return word;
    }

    private static decimal Norm(decimal value) => decimal.Parse(value.ToString("0.############", Inv), Inv);
}
