using System.Text;
using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.Blind4.Blind4Draws;
using static Extraction.Tooling.Generation.Kit.Formatting;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.Blind4;

internal static class OcrScannedMortgagePayoff
{
    public static DocumentFamily Family { get; } = new("ocr-scanned-mortgage-payoff", FamilySet.HeldOut, 10, "A mortgage payoff statement faxed, scanned and run through OCR: misread letters, S for $, ragged wraps, a page header mid-text.", Write);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var servicer = draw.Pick(
            "Lakeview Loan Servicing, LLC", "Cenlar FSB", "Flagstar Bank, N.A.", "Shellpoint Mortgage Servicing",
            "Midland Mortgage, a division of MidFirst Bank", "Carrington Mortgage Services, LLC", "Dovenmuehle Mortgage, Inc.", "LoanCare, LLC",
            "Pacific Crest Home Loans", "Keystone Valley Savings Bank");
        var last4 = draw.Last4();
        var loanNumber = Int(draw.Next(100, 1000)) + draw.Next(0, 1000).ToString("D3", Inv) + last4;
        var principal = draw.Amount(58_000m, 615_000m);
        var rate = 2.5m + (0.125m * draw.Next(0, 44));
        var basis = draw.OneIn(3) ? 360 : 365;
        var perDiem = PerDiem(principal, rate, basis, MidpointRounding.AwayFromZero);
        var goodThrough = asOf.AddDays(draw.Next(5, 32));
        var nextDue = FirstOfNextMonth(asOf);
        var paidThrough = nextDue.AddMonths(-1);
        var interest = Math.Round(perDiem * (goodThrough.DayNumber - paidThrough.DayNumber), 2);
        var recording = draw.Pick(Fees);
        var statementFee = draw.OneIn(2) ? 0m : draw.Pick(15, 20, 25, 30);
        var lateCharges = draw.OneIn(4) ? draw.Amount(18m, 96m) : 0m;
        var escrowMode = draw.Next(5); // 0: overdrawn escrow advanced and added; 1–2: balance stated, refunded later; 3–4: not stated
        var escrow = escrowMode == 0 ? draw.Amount(140m, 2_400m) : draw.Amount(260m, 7_400m);
        var total = principal + interest + recording + statementFee + lateCharges + (escrowMode == 0 ? escrow : 0m);
        var monthly = Installment(principal, rate, draw.Next(150, 346)) + draw.Amount(140m, 950m);
        var showNext = draw.Next(3); // 0: nothing, 1: due date only, 2: due date and amount
        var dateStyle = draw.Pick("MM/dd/yyyy", "MMMM d, yyyy", "M/d/yyyy", "MMM d, yyyy");
        string Dt(DateOnly d) => d.ToString(dateStyle, Inv);
        var borrower = Person(draw).ToUpperInvariant();
        var (street, city) = (Street(draw), CityStateZip(draw));
        var titleCo = draw.Pick("First American Title Company", "Stewart Title of the Midlands", "Old Republic Title", "Fidelity National Title", "Heritage Land Title & Escrow", "the borrower");
        var tollFree = TollFree(draw);

        var blocks = new List<(string Text, bool Wrap)>
        {
            ($"""
             {servicer}
             P.O. Box {Int(draw.Next(1000, 99999))}
             {CityStateZip(draw)}
             Customer Service {tollFree}   Fax {Phone(draw)}
             NMLS ID # {Int(draw.Next(1000, 999999))}
             """, false),
            ($"""
             {asOf.ToString(draw.Pick("MMMM d, yyyy", "MM/dd/yyyy"), Inv)}

             Prepared for: {titleCo}
             """, false),
            ($"""
             RE: {draw.Pick("PAYOFF STATEMENT", "Payoff Quote", "STATEMENT OF AMOUNT DUE TO PAY LOAN IN FULL")}
                 Loan Number:       {loanNumber}
                 Borrower(s):       {borrower}
                 Property Address:  {street}, {city}
             {(showNext > 0 ? $"    Next Due Date:     {nextDue.ToString("MM/dd/yyyy", Inv)}\n" : "")}    Request Ref:       {Int(draw.Next(100000, 9999999))}-{Int(draw.Next(10, 99))}
             """, false),
            (draw.Pick(
                $"Dear Customer: As you requested, we are providing the figures needed to pay the above referenced loan in full. These figures are good through {Dt(goodThrough)}. Any funds received after that date must include additional interest as shown below.",
                $"To Whom It May Concern: In response to the request received in our office, the following is the amount required to satisfy the above loan. This payoff statement is valid until {Dt(goodThrough)} and is subject to final verification by the noteholder upon receipt of funds.",
                $"This statement shows the total amount needed to pay off your mortgage loan if funds are received on or before {Dt(goodThrough)}. Please read the entire statement, including the remittance instructions on page 2."), true),
            (PayoffTable(draw, principal, rate, paidThrough, goodThrough, interest, escrowMode == 0 ? escrow : 0m, lateCharges, recording, statementFee, total), false),
            (draw.Pick(
                $"PER DIEM: If the payoff funds are received after {Dt(goodThrough)}, add {Usd(perDiem)} for each additional day.",
                $"Interest continues to accrue at {Usd(perDiem)} per day. Funds received after {Dt(goodThrough)} must include the additional daily interest, or the loan will not be released.",
                $"Daily interest (per diem) after the good-through date: {Usd(perDiem)}, based on a {Int(basis)}-day year."), true),
        };

        if (escrowMode is 1 or 2)
        {
            blocks.Add((draw.Pick(
                $"ESCROW: The escrow account currently holds {Usd(escrow)}. Do not deduct this amount from the payoff. Any balance remaining in escrow after the loan is paid in full will be refunded to the borrower within 20 business days.",
                $"Your escrow balance as of the date of this statement is {Usd(escrow)}. Escrow funds are not applied toward the payoff; any surplus will be mailed to the borrower after the loan is closed."), true));
        }
        else if (escrowMode == 0)
        {
            blocks.Add(($"ESCROW: The escrow account is overdrawn. The servicer has advanced {Usd(escrow)} for taxes and insurance, and this escrow deficit is included in the total above.", true));
        }

        if (showNext == 2)
        {
            blocks.Add(($"If the payoff will not be received before {Dt(nextDue)}, the regular monthly installment of {Usd(monthly)} due on that date must still be paid to keep the loan current. A payment made after this statement was issued will not reduce the figures above until it has been applied.", true));
        }

        blocks.Add(($"""
                     WIRE INSTRUCTIONS
                     Bank:        {draw.Pick("JPMorgan Chase Bank, N.A.", "U.S. Bank N.A.", "Wells Fargo Bank, N.A.", "BMO Bank N.A.")}
                     ABA Routing: {Int(draw.Next(10_000_000, 99_999_999))}{Int(draw.Next(0, 10))}
                     Account:     {Int(draw.Next(100_000, 999_999))}{Int(draw.Next(1000, 9999))}
                     Reference:   Loan {loanNumber} / {borrower.Split(' ')[^1]}
                     """, false));
        blocks.Add(($"Certified funds may be sent by overnight delivery to {servicer}, Attn: Payoff Department, {Int(draw.Next(100, 9999))} {draw.Pick("Corporate Dr", "Commerce Pkwy", "Enterprise Blvd")}, Suite {Int(draw.Next(100, 700))}, {CityStateZip(draw)}. Personal checks are not accepted. Questions may be directed to {tollFree}, Monday through Friday, 8 a.m. to 8 p.m. ET.", true));
        blocks.Add(("This communication is from a debt collector attempting to collect a debt; any information obtained will be used for that purpose. If you are in bankruptcy or have received a discharge of this debt, this statement is for informational purposes only.", true));
        blocks.Add(("Sincerely,\n\nPayoff Department", false));

        var pageBreakAfter = draw.Next(4, blocks.Count - 1);
        var text = new StringBuilder();
        var width = draw.Next(58, 80);
        for (var i = 0; i < blocks.Count; i++)
        {
            var (body, wrap) = blocks[i];
            foreach (var line in (wrap ? Wrap(draw, body, width) : body).Split('\n'))
            {
                text.Append(Garble(draw, line)).Append('\n');
            }

            text.Append('\n');
            if (i == pageBreakAfter)
            {
                text.Append(Garble(draw, $"{draw.Pick("", "  ", "                ")}Page {draw.Pick("1", "l", "1")} of 2")).Append("\n\n");
                text.Append(Garble(draw, $"{servicer.ToUpperInvariant()}      {draw.Pick("PAYOFF STATEMENT", "Payoff Quote - Continued")}")).Append('\n');
                text.Append(Garble(draw, $"Loan No. {loanNumber}      Date Prepared {asOf.ToString("MM/dd/yy", Inv)}      Page 2 of 2")).Append("\n\n");
            }
        }

        return new(LiabilityType.Mortgage, SourceKind.PayoffLetter, servicer, text.ToString().TrimEnd() + "\n", new ExtractedFields
        {
            PayoffAmount = total,
            PayoffGoodThrough = goodThrough,
            PerDiem = perDiem,
            PrincipalBalance = principal,
            EscrowBalance = escrowMode switch { 0 => -escrow, 1 or 2 => escrow, _ => null },
            NextPaymentAmount = showNext == 2 ? monthly : null,
            NextPaymentDueDate = showNext > 0 ? nextDue : null,
            InterestRatePct = rate,
            AccountLast4 = last4,
        });
    }

    private static readonly decimal[] Fees = [0m, 28m, 40m, 45m, 60m, 125m];

    private static string PayoffTable(Draw draw, decimal principal, decimal rate, DateOnly from, DateOnly to, decimal interest, decimal escrowAdvance, decimal late, decimal recording, decimal statementFee, decimal total)
    {
        var leaders = draw.OneIn(2);
        var rows = new List<(string Label, decimal Amount)>
        {
            (draw.Pick("Unpaid Principal Balance", "Principal Balance", "Current Principal"), principal),
            ($"Interest from {from.ToString("MM/dd/yyyy", Inv)} to {to.ToString("MM/dd/yyyy", Inv)} @ {rate.ToString("0.000", Inv)}%", interest),
        };
        if (escrowAdvance > 0)
        {
            rows.Add((draw.Pick("Escrow Advance", "Escrow Deficit (advanced)"), escrowAdvance));
        }

        rows.Add(("Accumulated Late Charges", late));
        if (recording > 0 || draw.OneIn(2))
        {
            rows.Add((draw.Pick("Recording / Release Fee", "Reconveyance Fee", "Lien Release Fee"), recording));
        }

        if (statementFee > 0)
        {
            rows.Add((draw.Pick("Payoff Statement Fee", "Fax / Processing Fee"), statementFee));
        }

        rows.Add(("Prepayment Penalty", 0m));
        var sb = new StringBuilder();
        foreach (var (label, amount) in rows)
        {
            sb.Append("  ").Append(Pad(label, 52, leaders ? '.' : ' ')).Append(' ').Append(Usd(amount).PadLeft(13)).Append('\n');
        }

        sb.Append("  ").Append(new string('-', 66)).Append('\n');
        sb.Append("  ").Append(Pad(draw.Pick("TOTAL AMOUNT TO PAY LOAN IN FULL", "TOTAL PAYOFF AMOUNT", "AMOUNT REQUIRED TO PAY IN FULL"), 52, leaders ? '.' : ' ')).Append(' ').Append(Usd(total).PadLeft(13));
        return sb.ToString();
    }

    private static readonly string[] MonthWords =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    ];

    /// <summary>What OCR does to a scanned page: letters misread in words, a dollar sign read as S, stray specks.</summary>
    private static string Garble(Draw draw, string line)
    {
        var tokens = line.Split(' ');
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (t.Length > 1 && t[0] == '$' && char.IsDigit(t[1]))
            {
                if (draw.OneIn(4))
                {
                    tokens[i] = draw.Pick("S", "§", "$ ") + t[1..];
                }

                continue;
            }

            if (t.Length < 4 || t.Any(char.IsDigit) || MonthWords.Contains(t.TrimEnd(',', '.')) || !draw.OneIn(8))
            {
                continue;
            }

            tokens[i] = Misread(draw, t);
        }

        var result = string.Join(' ', tokens);
        if (result.Trim().Length > 0 && draw.OneIn(14))
        {
            result = draw.OneIn(2) ? draw.Pick("'", "|", "·", "~") + " " + result : result + " " + draw.Pick("'", "·", "`", ",");
        }

        return result;
    }

    private static readonly (string From, string To)[] Confusions =
    [
        ("m", "rn"), ("rn", "m"), ("l", "1"), ("i", "l"), ("I", "l"), ("e", "c"), ("h", "b"), ("d", "cl"),
        ("O", "0"), ("o", "0"), ("S", "5"), ("u", "ii"), ("n", "ri"), ("f", "t"), ("y", "v"), ("a", "o"),
    ];

    private static string Misread(Draw draw, string word)
    {
        var candidates = Confusions.Where(c => word.Contains(c.From, StringComparison.Ordinal)).ToArray();
        if (candidates.Length == 0)
        {
            return word;
        }

        var (from, to) = draw.Pick(candidates);
        var at = word.IndexOf(from, StringComparison.Ordinal);
        return string.Concat(word.AsSpan(0, at), to, word.AsSpan(at + from.Length));
    }

    /// <summary>Wraps a paragraph the way a narrow scan column does, now and then hyphenating a long word.</summary>
    private static string Wrap(Draw draw, string paragraph, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in paragraph.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                if (word.Length >= 8 && word.All(char.IsLetter) && draw.OneIn(3) && line.Length + 5 < width)
                {
                    var cut = Math.Min(word.Length - 3, width - line.Length - 2);
                    line.Append(' ').Append(word.AsSpan(0, cut)).Append('-');
                    lines.Add(line.ToString());
                    line.Clear().Append(word.AsSpan(cut));
                    continue;
                }

                lines.Add(line.ToString());
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        lines.Add(line.ToString());
        return string.Join('\n', lines);
    }
}
