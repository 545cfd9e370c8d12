using System.Text;
using Extraction.Core.Contracts;
using Extraction.Tooling.Generation.Kit;
using static Extraction.Tooling.Generation.Families.Blind4.Blind4Draws;
using static Extraction.Tooling.Generation.Kit.Formatting;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.Blind4;

internal static class OcrScannedMortgagePayoff
{
    public static DocumentFamily Family { get; } = new("ocr-scanned-mortgage-payoff", FamilySet.HeldOut, 10, "A mortgage payoff statement faxed, scanned and run through OCR: misread letters, S for $, ragged wraps, a page header mid-text.", Write);

    /// <summary>The payoff's figures. Escrow: 0, overdrawn, advanced and added to the total; 1–2, a balance stated and refunded later; 3–4, not stated.</summary>
    private sealed record Quote(
        string Servicer, string Last4, string LoanNumber, decimal Principal, decimal Rate, int Basis, DateOnly GoodThrough, decimal Recording, decimal StatementFee,
        decimal LateCharges, int EscrowMode, decimal Escrow, decimal Monthly, int ShowNext, DateOnly NextDue)
    {
        public decimal PerDiem => LoanMath.PerDiem(Principal, Rate, Basis, MidpointRounding.AwayFromZero);

        public DateOnly PaidThrough => NextDue.AddMonths(-1);

        public decimal Interest => Math.Round(PerDiem * (GoodThrough.DayNumber - PaidThrough.DayNumber), 2);

        public decimal EscrowAdvance => EscrowMode == 0 ? Escrow : 0m;

        public decimal Total => Principal + Interest + Recording + StatementFee + LateCharges + EscrowAdvance;
    }

    /// <summary>Who the letter is addressed to and how it writes dates.</summary>
    private sealed record Letter(string DateFormat, string Borrower, string Street, string City, string TitleCo, string TollFree)
    {
        public string Dt(DateOnly d) => d.ToString(DateFormat, Inv);
    }

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var q = DrawQuote(draw, asOf);
        var letter = new Letter(
            draw.Pick("MM/dd/yyyy", "MMMM d, yyyy", "M/d/yyyy", "MMM d, yyyy"),
            Person(draw).ToUpperInvariant(),
            Street(draw),
            CityStateZip(draw),
            draw.Pick("First American Title Company", "Stewart Title of the Midlands", "Old Republic Title", "Fidelity National Title", "Heritage Land Title & Escrow", "the borrower"),
            TollFree(draw));
        var blocks = FirstPage(draw, q, letter, asOf);
        blocks.AddRange(Remittance(draw, q, letter));
        var text = Scan(draw, blocks, q, asOf);
        return new(LiabilityType.Mortgage, SourceKind.PayoffLetter, q.Servicer, text, new ExtractedFields
        {
            PayoffAmount = q.Total,
            PayoffGoodThrough = q.GoodThrough,
            PerDiem = q.PerDiem,
            PrincipalBalance = q.Principal,
            EscrowBalance = q.EscrowMode switch { 0 => -q.Escrow, 1 or 2 => q.Escrow, _ => null },
            NextPaymentAmount = q.ShowNext == 2 ? q.Monthly : null,
            NextPaymentDueDate = q.ShowNext > 0 ? q.NextDue : null,
            InterestRatePct = q.Rate,
            AccountLast4 = q.Last4,
        });
    }

    private static Quote DrawQuote(Draw draw, DateOnly asOf)
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
        var goodThrough = asOf.AddDays(draw.Next(5, 32));
        var recording = draw.Pick(Fees);
        var statementFee = draw.OneIn(2) ? 0m : draw.Pick(15, 20, 25, 30);
        var lateCharges = draw.OneIn(4) ? draw.Amount(18m, 96m) : 0m;
        var escrowMode = draw.Next(5);
        var escrow = escrowMode == 0 ? draw.Amount(140m, 2_400m) : draw.Amount(260m, 7_400m);
        var monthly = Installment(principal, rate, draw.Next(150, 346)) + draw.Amount(140m, 950m);
        var showNext = draw.Next(3); // 0: nothing, 1: due date only, 2: due date and amount
        return new(servicer, last4, loanNumber, principal, rate, basis, goodThrough, recording, statementFee, lateCharges, escrowMode, escrow, monthly, showNext, FirstOfNextMonth(asOf));
    }

    /// <summary>The letterhead, the addressee, the reference block, the payoff's paragraph and table, the per diem. A block marked to wrap is prose.</summary>
    private static List<(string Text, bool Wrap)> FirstPage(Draw draw, Quote q, Letter letter, DateOnly asOf) =>
    [
        ($"""
         {q.Servicer}
         P.O. Box {Int(draw.Next(1000, 99999))}
         {CityStateZip(draw)}
         Customer Service {letter.TollFree}   Fax {Phone(draw)}
         NMLS ID # {Int(draw.Next(1000, 999999))}
         """, false),
        ($"""
         {asOf.ToString(draw.Pick("MMMM d, yyyy", "MM/dd/yyyy"), Inv)}

         Prepared for: {letter.TitleCo}
         """, false),
        ($"""
         RE: {draw.Pick("PAYOFF STATEMENT", "Payoff Quote", "STATEMENT OF AMOUNT DUE TO PAY LOAN IN FULL")}
             Loan Number:       {q.LoanNumber}
             Borrower(s):       {letter.Borrower}
             Property Address:  {letter.Street}, {letter.City}
         {(q.ShowNext > 0 ? $"    Next Due Date:     {q.NextDue.ToString("MM/dd/yyyy", Inv)}\n" : "")}    Request Ref:       {Int(draw.Next(100000, 9999999))}-{Int(draw.Next(10, 99))}
         """, false),
        (draw.Pick(
            $"Dear Customer: As you requested, we are providing the figures needed to pay the above referenced loan in full. These figures are good through {letter.Dt(q.GoodThrough)}. Any funds received after that date must include additional interest as shown below.",
            $"To Whom It May Concern: In response to the request received in our office, the following is the amount required to satisfy the above loan. This payoff statement is valid until {letter.Dt(q.GoodThrough)} and is subject to final verification by the noteholder upon receipt of funds.",
            $"This statement shows the total amount needed to pay off your mortgage loan if funds are received on or before {letter.Dt(q.GoodThrough)}. Please read the entire statement, including the remittance instructions on page 2."), true),
        (PayoffTable(draw, q.Principal, q.Rate, q.PaidThrough, q.GoodThrough, q.Interest, q.EscrowAdvance, q.LateCharges, q.Recording, q.StatementFee, q.Total), false),
        (draw.Pick(
            $"PER DIEM: If the payoff funds are received after {letter.Dt(q.GoodThrough)}, add {Usd(q.PerDiem)} for each additional day.",
            $"Interest continues to accrue at {Usd(q.PerDiem)} per day. Funds received after {letter.Dt(q.GoodThrough)} must include the additional daily interest, or the loan will not be released.",
            $"Daily interest (per diem) after the good-through date: {Usd(q.PerDiem)}, based on a {Int(q.Basis)}-day year."), true),
    ];

    /// <summary>What the escrow and the next installment mean for the payoff, then where and how to send the funds.</summary>
    private static List<(string Text, bool Wrap)> Remittance(Draw draw, Quote q, Letter letter)
    {
        var blocks = new List<(string Text, bool Wrap)>();
        if (q.EscrowMode is 1 or 2)
        {
            blocks.Add((draw.Pick(
                $"ESCROW: The escrow account currently holds {Usd(q.Escrow)}. Do not deduct this amount from the payoff. Any balance remaining in escrow after the loan is paid in full will be refunded to the borrower within 20 business days.",
                $"Your escrow balance as of the date of this statement is {Usd(q.Escrow)}. Escrow funds are not applied toward the payoff; any surplus will be mailed to the borrower after the loan is closed."), true));
        }
        else if (q.EscrowMode == 0)
        {
            blocks.Add(($"ESCROW: The escrow account is overdrawn. The servicer has advanced {Usd(q.Escrow)} for taxes and insurance, and this escrow deficit is included in the total above.", true));
        }

        if (q.ShowNext == 2)
        {
            blocks.Add(($"If the payoff will not be received before {letter.Dt(q.NextDue)}, the regular monthly installment of {Usd(q.Monthly)} due on that date must still be paid to keep the loan current. A payment made after this statement was issued will not reduce the figures above until it has been applied.", true));
        }

        blocks.Add(($"""
                     WIRE INSTRUCTIONS
                     Bank:        {draw.Pick("JPMorgan Chase Bank, N.A.", "U.S. Bank N.A.", "Wells Fargo Bank, N.A.", "BMO Bank N.A.")}
                     ABA Routing: {Int(draw.Next(10_000_000, 99_999_999))}{Int(draw.Next(0, 10))}
                     Account:     {Int(draw.Next(100_000, 999_999))}{Int(draw.Next(1000, 9999))}
                     Reference:   Loan {q.LoanNumber} / {letter.Borrower.Split(' ')[^1]}
                     """, false));
        blocks.Add(($"Certified funds may be sent by overnight delivery to {q.Servicer}, Attn: Payoff Department, {Int(draw.Next(100, 9999))} {draw.Pick("Corporate Dr", "Commerce Pkwy", "Enterprise Blvd")}, Suite {Int(draw.Next(100, 700))}, {CityStateZip(draw)}. Personal checks are not accepted. Questions may be directed to {letter.TollFree}, Monday through Friday, 8 a.m. to 8 p.m. ET.", true));
        blocks.Add(("This communication is from a debt collector attempting to collect a debt; any information obtained will be used for that purpose. If you are in bankruptcy or have received a discharge of this debt, this statement is for informational purposes only.", true));
        blocks.Add(("Sincerely,\n\nPayoff Department", false));
        return blocks;
    }

    /// <summary>The letter as it comes out of the scanner: prose wrapped to a narrow column, every line through OCR, page 2's header mid-text.</summary>
    private static string Scan(Draw draw, List<(string Text, bool Wrap)> blocks, Quote q, DateOnly asOf)
    {
        var pageBreakAfter = draw.Next(4, blocks.Count - 1);
        var text = new StringBuilder();
        var width = draw.Next(58, 80);
        for (var i = 0; i < blocks.Count; i++)
        {
            var (body, wrap) = blocks[i];
            foreach (var line in (wrap ? Ocr.Wrap(draw, body, width) : body).Split('\n'))
            {
                text.Append(Ocr.Garble(draw, line)).Append('\n');
            }

            text.Append('\n');
            if (i == pageBreakAfter)
            {
                text.Append(Ocr.Garble(draw, $"{draw.Pick("", "  ", "                ")}Page {draw.Pick("1", "l", "1")} of 2")).Append("\n\n");
                text.Append(Ocr.Garble(draw, $"{q.Servicer.ToUpperInvariant()}      {draw.Pick("PAYOFF STATEMENT", "Payoff Quote - Continued")}")).Append('\n');
                text.Append(Ocr.Garble(draw, $"Loan No. {q.LoanNumber}      Date Prepared {asOf.ToString("MM/dd/yy", Inv)}      Page 2 of 2")).Append("\n\n");
            }
        }

        return text.ToString().TrimEnd() + "\n";
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
}
