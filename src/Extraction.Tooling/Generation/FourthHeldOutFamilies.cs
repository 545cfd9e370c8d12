using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Extraction.Core.Contracts;

namespace Extraction.Tooling.Generation;

/// <summary>
/// The fourth held-out set: six families written blind, by someone who had not read the rules extractor,
/// the plausibility checks or any other family, from what real servicers, issuers, credit unions, dealers
/// and aggregators put on paper and on screens. They are measured only: nothing is tuned to them.
/// </summary>
internal static class FourthHeldOutFamilies
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static IEnumerable<DocumentFamily> All =>
    [
        new("ocr-scanned-mortgage-payoff", FamilySet.HeldOut, 10, "A mortgage payoff statement faxed, scanned and run through OCR: misread letters, S for $, ragged wraps, a page header mid-text.", ScannedMortgagePayoff),
        new("retail-card-promo-statement", FamilySet.HeldOut, 10, "A private-label store card statement with deferred-interest promos or equal-payment plans; now and then a pay-over-time installment loan statement.", RetailCardStatement),
        new("credit-union-suffix-statement", FamilySet.HeldOut, 10, "A credit union's combined member statement: share, draft and loan suffixes, each with its own account number, dividends and a loan section.", CreditUnionStatement),
        new("dealer-trade-payoff-verification", FamilySet.HeldOut, 10, "A dealership title clerk verifying a trade-in's payoff: an e-mail thread, deal-jacket notes, or a recorded call through the lender's phone menu.", DealerPayoffVerification),
        new("lender-text-alert-thread", FamilySet.HeldOut, 10, "An exported SMS thread with a card issuer or servicer: short alerts, keyword replies, abbreviations and short links.", TextAlertThread),
        new("aggregator-liability-export", FamilySet.HeldOut, 10, "Liability data pasted from a data aggregator's JSON, a servicer portal copied as label/value text, or a student-loan CSV export.", AggregatorExport),
    ];

    // ───────────────────────────── 1. OCR'd mortgage payoff statement ─────────────────────────────

    private static readonly string[] MonthWords =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    ];

    private static SyntheticDocument ScannedMortgagePayoff(Draw draw, TextFormats format, DateOnly asOf)
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
        var perDiem = PerDiem(principal, rate, basis);
        var goodThrough = asOf.AddDays(draw.Next(5, 32));
        var nextDue = FirstOfNextMonth(asOf);
        var paidThrough = nextDue.AddMonths(-1);
        var interest = Math.Round(perDiem * (goodThrough.DayNumber - paidThrough.DayNumber), 2);
        var recording = Fees[draw.Next(Fees.Length)];
        var statementFee = draw.OneIn(2) ? 0m : Ints(draw, 15, 20, 25, 30);
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

        var (from, to) = candidates[draw.Next(candidates.Length)];
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

    // ───────────────────────────── 2. Store card / pay-over-time statement ─────────────────────────────

    private static readonly (string Store, string Issuer)[] Stores =
    [
        ("Harbor & Pine Home", "Synchrony Bank"), ("Trailhead Outfitters", "Comenity Capital Bank"), ("Belmont Jewelers", "Comenity Bank"),
        ("Northgate Furniture Gallery", "TD Bank, N.A."), ("Kessler Powersports", "Synchrony Bank"), ("Wexford Appliance & Mattress", "Wells Fargo Bank, N.A."),
        ("Tri-County Tire & Auto", "Citibank, N.A."), ("Marlowe's Department Store", "Comenity Bank"), ("Sound Ridge Music", "Synchrony Bank"),
    ];

    private static readonly decimal[] PromoCents = [0m, 0.99m, 0.95m, 0.97m];

    private static SyntheticDocument RetailCardStatement(Draw draw, TextFormats format, DateOnly asOf)
    {
        if (draw.OneIn(4))
        {
            return PayOverTimeStatement(draw, asOf);
        }

        var (store, issuer) = Stores[draw.Next(Stores.Length)];
        var last4 = draw.Last4();
        var limit = 250m * draw.Next(2, 41);
        var apr = Math.Round(draw.Rate(26.99m, 35.99m), 2);
        var closing = asOf.AddDays(-draw.Next(1, 9));
        var cycleDays = draw.Next(28, 32);
        var due = closing.AddDays(draw.Next(23, 29));
        var promoKind = draw.Next(3); // 0: none, 1: deferred interest, 2: equal payment plan
        var promoStart = closing.AddDays(-draw.Next(40, 300));
        var promoMonths = promoKind == 1 ? Ints(draw, 6, 12, 18, 24) : Ints(draw, 24, 36, 48, 60);
        var promoOriginal = decimal.Floor(limit * draw.Amount(0.2m, 0.55m)) + PromoCents[draw.Next(PromoCents.Length)];
        var monthsIn = Math.Max(1, (closing.Year * 12) + closing.Month - (promoStart.Year * 12) - promoStart.Month);
        var planPayment = Math.Round(promoOriginal / promoMonths, 2);
        var promoBalance = promoKind switch
        {
            1 => Math.Max(promoOriginal - (draw.Amount(0m, 0.4m) * promoOriginal), 50m),
            2 => Math.Max(promoOriginal - (planPayment * Math.Min(monthsIn, promoMonths - 2)), planPayment * 2),
            _ => 0m,
        };
        promoBalance = Math.Round(promoBalance, 2);
        var fees = draw.OneIn(5) ? Ints(draw, 30, 41) : 0m;
        var averageDaily = (draw.Amount(0.04m, 0.4m) * limit) + draw.Amount(0m, 9.99m);
        var interest = Math.Round(averageDaily * apr / 100m / 365m * cycleDays, 2);
        var revolving = Math.Round(Math.Max(averageDaily * draw.Amount(0.9m, 1.1m), fees + interest + 20m), 2);
        averageDaily = Math.Round(averageDaily, 2);
        var newBalance = revolving + promoBalance;
        var payment = draw.Amount(25m, 400m);
        var credits = draw.OneIn(5) ? draw.Amount(9m, 120m) : 0m;
        var ceiling = newBalance + payment + credits - fees - interest;
        var previous = draw.Amount(Math.Max(payment, ceiling * 0.55m), ceiling);
        var purchases = newBalance - previous + payment + credits - fees - interest;
        var floor = Ints(draw, 25, 29, 35, 40);
        var minimum = Math.Max(floor, decimal.Ceiling((revolving + (promoKind == 1 ? promoBalance : 0m)) * 0.035m)) + (promoKind == 2 ? planPayment : 0m) + fees;
        minimum = Math.Min(minimum, newBalance);
        var d = draw.Pick("MM/dd/yyyy", "MM/dd/yy");
        string Dt(DateOnly x) => x.ToString(d, Inv);
        var money = draw.OneIn(3) ? (Func<decimal, string>)(v => v.ToString("#,##0.00", Inv)) : Usd;
        var labels = (
            New: draw.Pick("New Balance", "New Balance", "Statement Balance"),
            Min: draw.Pick("Total Minimum Payment Due", "Minimum Payment Due", "Minimum Amount Due"),
            Due: draw.Pick("Payment Due Date", "Payment Due Date", "Due Date"),
            Limit: draw.Pick("Credit Limit", "Credit Line", "Total Credit Line"));

        var paymentInfo = $"""
                           PAYMENT INFORMATION
                           {Pad(labels.New, 34, ' ')}{money(newBalance)}
                           {Pad(labels.Min, 34, ' ')}{money(minimum)}
                           {Pad(labels.Due, 34, ' ')}{Dt(due)}

                           Late Payment Warning: If we do not receive your minimum payment by 5 p.m. Eastern on the date listed above, you may have to pay a late fee of up to $41.00{(promoKind == 1 ? " and you may lose your promotional financing" : "")}.
                           """;
        var warning = MinimumPaymentWarning(draw, newBalance, apr, floor);
        var summary = $"""
                       ACCOUNT SUMMARY
                       {Pad("Previous Balance", 34, ' ')}{money(previous)}
                       {Pad("- Payments", 34, ' ')}{money(payment)}
                       {Pad("- Other Credits", 34, ' ')}{money(credits)}
                       {Pad("+ Purchases/Other Debits", 34, ' ')}{money(purchases)}
                       {Pad("+ Fees Charged", 34, ' ')}{money(fees)}
                       {Pad("+ Interest Charged", 34, ' ')}{money(interest)}
                       {Pad("= " + labels.New, 34, ' ')}{money(newBalance)}
                       {Pad(labels.Limit, 34, ' ')}{money(limit)}
                       {Pad("Available Credit", 34, ' ')}{money(Math.Max(0m, limit - newBalance))}
                       {Pad("Past Due Amount", 34, ' ')}{money(0m)}
                       {Pad("Days in Billing Cycle", 34, ' ')}{Int(cycleDays)}
                       """;
        var promoExpires = promoStart.AddMonths(promoMonths);
        var promo = promoKind switch
        {
            1 => $"""
                  PROMOTIONAL BALANCE SUMMARY
                  Promo: No Interest if Paid in Full within {Int(promoMonths)} Months  (purchase of {Dt(promoStart)})
                    Original promo amount         {money(promoOriginal)}
                    Promo balance                 {money(promoBalance)}
                    Accrued deferred interest     {money(Math.Round(promoBalance * apr / 1200m * Math.Min(monthsIn, promoMonths), 2))}
                    Promotion expires             {Dt(promoExpires)}
                  Pay {money(promoBalance)} by {Dt(promoExpires)} to avoid being charged the accrued deferred interest. Your minimum payment may not pay off this balance in time.
                  """,
            2 => $"""
                  EQUAL PAYMENT PLANS
                  Plan  Description                          Start       Term    Monthly    Plan Balance
                  003   Reduced APR 0.00% - Equal Payments    {Dt(promoStart)}  {Int(promoMonths)} mo   {money(planPayment)}    {money(promoBalance)}
                  Your monthly plan payment is included in your {labels.Min}.
                  """,
            _ => "",
        };
        var transactions = Transactions(draw, closing, cycleDays, payment, credits, purchases, store, money);
        var interestTable = $"""
                             INTEREST CHARGE CALCULATION
                             Your Annual Percentage Rate (APR) is the annual interest rate on your account.
                             Type of Balance              Annual Percentage Rate (APR)   Balance Subject to Interest Rate   Interest Charge
                             Regular Purchases            {apr.ToString("0.00", Inv)}% (v)                     {money(averageDaily)}                         {money(interest)}
                             {(promoKind switch
                             {
                                 1 => $"Deferred Interest Promo      {apr.ToString("0.00", Inv)}% (d)                     {money(promoBalance)}                         {money(0m)}",
                                 2 => $"Equal Payment Plan 003       0.00%                          {money(promoBalance)}                         {money(0m)}",
                                 _ => $"Cash Advances                {(apr + 0.25m).ToString("0.00", Inv)}% (v)                     {money(0m)}                              {money(0m)}",
                             })}
                             (v) = Variable Rate. {(promoKind == 1 ? "(d) = Deferred interest: interest is accrued but not charged if the promo balance is paid in full by the expiration date." : "")}
                             Penalty APR: None.
                             """;
        var ytd = $"""
                   {Int(closing.Year)} Totals Year-to-Date
                   Total Fees Charged in {Int(closing.Year)}           {money(fees + (draw.OneIn(3) ? 41m : 0m))}
                   Total Interest Charged in {Int(closing.Year)}       {money(interest + (closing.Month > 1 ? draw.Amount(0m, 90m) : 0m))}
                   """;
        var header = $"""
                      {store.ToUpperInvariant()} CREDIT CARD
                      Issued by {issuer}                                Account Number ending in {last4}
                      Statement Closing Date  {Dt(closing)}
                      Customer Service 1-{Int(draw.Next(800, 890))}-{Int(draw.Next(200, 999))}-{draw.Next(0, 10000).ToString("D4", Inv)}   Lost/Stolen card 24 hrs
                      """;
        var parts = draw.OneIn(2)
            ? new[] { header, paymentInfo, warning, summary, promo, transactions, ytd, interestTable }
            : [header, summary, paymentInfo, promo, warning, transactions, interestTable, ytd];
        var text = string.Join("\n\n", parts.Where(p => p.Length > 0));

        return new(LiabilityType.CreditCard, SourceKind.Statement, $"{store} Credit Card", text, new ExtractedFields
        {
            StatementBalance = newBalance,
            MinimumPayment = minimum,
            NextPaymentDueDate = due,
            InterestRatePct = apr,
            CreditLimit = limit,
            AccountLast4 = last4,
        });
    }

    private static string MinimumPaymentWarning(Draw draw, decimal balance, decimal apr, decimal floor)
    {
        var (b, total, months, r) = (balance, 0m, 0, apr / 1200m);
        while (b > 0m && months < 720)
        {
            var i = Math.Round(b * r, 2);
            var p = Math.Min(Math.Max(floor, decimal.Ceiling((b * 0.01m) + i)), b + i);
            (b, total, months) = (b + i - p, total + p, months + 1);
        }

        var threeYear = decimal.Ceiling(Installment(balance, apr, 36));
        var threeTotal = threeYear * 36;
        var years = Math.Max(1, (int)Math.Round(months / 12.0));
        var sb = new StringBuilder();
        sb.Append("Minimum Payment Warning: If you make only the minimum payment each period, you will pay more in interest and it will take you longer to pay off your balance. For example:\n\n");
        sb.Append("If you make no additional charges     You will pay off the balance     And you will end up\n");
        sb.Append("using this card and each month        shown on this statement in       paying an estimated\n");
        sb.Append("you pay...                            about...                         total of...\n");
        sb.Append(CultureInfo.InvariantCulture, $"Only the minimum payment              {years} year{(years == 1 ? "" : "s")}{new string(' ', years == 1 ? 26 : 25)}{Math.Round(total, 0).ToString("$#,##0", Inv)}\n");
        if (threeTotal < total && years > 3)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{threeYear.ToString("$#,##0", Inv),-38}3 years                          {threeTotal.ToString("$#,##0", Inv)} (Savings = {Math.Round(total - threeTotal, 0).ToString("$#,##0", Inv)})\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"\nIf you would like information about credit counseling services, call 1-888-{Int(draw.Next(200, 999))}-{draw.Next(0, 10000).ToString("D4", Inv)}.");
        return sb.ToString();
    }

    private static string Transactions(Draw draw, DateOnly closing, int cycleDays, decimal payment, decimal credits, decimal purchases, string store, Func<decimal, string> money)
    {
        var start = closing.AddDays(1 - cycleDays);
        var lines = new List<(DateOnly Date, string Text)>
        {
            (start.AddDays(draw.Next(0, cycleDays)), $"PAYMENT - THANK YOU{new string(' ', 24)}-{money(payment)}"),
        };
        if (credits > 0)
        {
            lines.Add((start.AddDays(draw.Next(0, cycleDays)), $"RETURN  {store.ToUpperInvariant()} #{draw.Next(0, 10000).ToString("D4", Inv)}{new string(' ', 6)}-{money(credits)}"));
        }

        var pieces = purchases > 60m ? draw.Next(1, 4) : 1;
        var left = purchases;
        for (var i = 0; i < pieces; i++)
        {
            var amount = i == pieces - 1 ? left : Math.Round(left * draw.Amount(0.2m, 0.6m), 2);
            left -= amount;
            lines.Add((start.AddDays(draw.Next(0, cycleDays)), $"PURCHASE  {store.ToUpperInvariant()} #{draw.Next(0, 10000).ToString("D4", Inv)} REF {Int(draw.Next(10_000_000, 99_999_999))}   {money(amount)}"));
        }

        var sb = new StringBuilder("TRANSACTIONS\nTran Date  Description                                       Amount\n");
        foreach (var (date, text) in lines.OrderBy(l => l.Date))
        {
            sb.Append(date.ToString("MM/dd", Inv)).Append("      ").Append(text).Append('\n');
        }

        return sb.ToString().TrimEnd();
    }

    private static readonly decimal[] PayOverTimeRates = [0m, 0m, 9.99m, 14.99m, 15m, 19.99m, 24.99m, 29.99m, 35.99m];

    /// <summary>A monthly pay-over-time loan taken at checkout, as its app's statement shows it.</summary>
    private static SyntheticDocument PayOverTimeStatement(Draw draw, DateOnly asOf)
    {
        var provider = draw.Pick("Affirm", "Klarna Financing", "Bread Pay", "Uplift", "Sunbit");
        var merchant = draw.Pick("Peloton Interactive", "Casper Sleep", "Wayfair", "Rogue Fitness", "Brooklinen", "Delta Vacations", "Purple Innovation", "Best Buy Marketplace");
        var last4 = draw.Last4();
        var financed = draw.Amount(600m, 4_900m);
        var apr = PayOverTimeRates[draw.Next(PayOverTimeRates.Length)];
        var term = Ints(draw, 6, 12, 18, 24, 36);
        var payment = Installment(financed, apr, term);
        var made = draw.Next(1, term - 1);
        var principal = Remaining(financed, apr, payment, made);
        var dueDay = draw.Next(1, 29);
        var due = new DateOnly(asOf.Year, asOf.Month, dueDay);
        if (due <= asOf)
        {
            due = due.AddMonths(1);
        }

        var started = due.AddMonths(-(made + 1));
        var financeCharge = Math.Round((payment * term) - financed, 2);
        var showPayoff = apr > 0 && draw.OneIn(2);
        var payoffBy = asOf.AddDays(draw.Next(0, 4));
        var lastPaid = due.AddMonths(-1);
        var payoff = principal + (apr > 0 ? Math.Round(principal * apr / 100m / 365m * Math.Max(0, payoffBy.DayNumber - lastPaid.DayNumber), 2) : 0m);
        string Dt(DateOnly x) => x.ToString("MMM d, yyyy", Inv);
        var schedule = new StringBuilder();
        for (var k = 1; k <= Math.Min(term - made - 1, 4); k++)
        {
            schedule.Append("  ").Append(Dt(due.AddMonths(k)).PadRight(16)).Append(Usd(payment)).Append('\n');
        }

        var text = $"""
                    {provider}
                    Monthly statement · {Dt(asOf)}

                    Loan {draw.Pick("ID", "number")} ending in {last4}
                    {merchant} · Order #{Int(draw.Next(1_000_000, 9_999_999))}
                    Loan started {Dt(started)}

                    YOUR NEXT PAYMENT
                    {Usd(payment)} due {due.ToString("ddd, MMM d, yyyy", Inv)}
                    AutoPay: {draw.Pick("On", "Off")} · debit card ending {draw.Last4()}

                    LOAN DETAILS
                    Amount financed         {Usd(financed)}
                    APR                     {apr.ToString("0.00", Inv)}% {(apr == 0 ? "(0% APR, no interest)" : "simple interest")}
                    Term                    {Int(term)} monthly payments of {Usd(payment)}
                    Finance charge          {Usd(Math.Max(0m, financeCharge))}
                    Payments made           {Int(made)} of {Int(term)} ({Usd(payment * made)} paid)
                    {draw.Pick("Remaining principal", "Unpaid principal balance", "Principal balance")}     {Usd(principal)}
                    {(showPayoff ? $"\nPAY OFF EARLY\nPay off your whole loan for {Usd(payoff)} if paid by {Dt(payoffBy)} (includes interest to that date). No prepayment fee.\n" : "")}
                    UPCOMING PAYMENTS
                    {schedule.ToString().TrimEnd()}

                    Missed payments may be reported to credit bureaus. Questions? help.{provider.Split(' ')[0].ToLowerInvariant()}.com or 1-855-{Int(draw.Next(200, 999))}-{draw.Next(0, 10000).ToString("D4", Inv)}.
                    """;
        return new(LiabilityType.PersonalLoan, SourceKind.Statement, provider, text, new ExtractedFields
        {
            PayoffAmount = showPayoff ? payoff : null,
            PayoffGoodThrough = showPayoff ? payoffBy : null,
            PrincipalBalance = principal,
            NextPaymentAmount = payment,
            NextPaymentDueDate = due,
            InterestRatePct = apr,
            AccountLast4 = last4,
        });
    }

    // ───────────────────────────── 3. Credit union member statement ─────────────────────────────

    private static SyntheticDocument CreditUnionStatement(Draw draw, TextFormats format, DateOnly asOf)
    {
        var cu = draw.Pick(
            "Pine River Federal Credit Union", "Tri-Valley Schools Credit Union", "Heartland Community FCU", "Ironworkers Local 12 Credit Union",
            "Blue Mesa Credit Union", "Great Lakes Members Credit Union", "Coastal Bend Teachers FCU", "St. Anne's Parish Credit Union");
        var secured = draw.OneIn(3);
        var type = secured ? LiabilityType.PersonalLoan : LiabilityType.AutoLoan;
        var used = new HashSet<string>();
        string Unique()
        {
            string s;
            do
            {
                s = draw.Last4();
            }
            while (!used.Add(s));
            return s;
        }

        var (loanLast4, shareLast4, draftLast4) = (Unique(), Unique(), Unique());
        var member = Unique();
        var periodEnd = asOf.AddDays(-draw.Next(0, 6));
        var periodStart = periodEnd.AddMonths(-1).AddDays(1);
        var original = secured ? draw.Amount(1_500m, 15_000m) : draw.Amount(9_000m, 48_000m);
        var rate = secured ? Math.Round(draw.Rate(2.5m, 6.5m), 2) : Math.Round(draw.Rate(3.49m, 14.99m), 2);
        var term = secured ? Ints(draw, 12, 24, 36, 48, 60) : Ints(draw, 36, 48, 60, 66, 72, 84);
        var payment = Installment(original, rate, term);
        var made = draw.Next(1, term - 2);
        var before = Remaining(original, rate, payment, made - 1);
        var interest = Math.Round(before * rate / 1200m, 2);
        var principalPart = payment - interest;
        var ending = before - principalPart;
        var paidOn = periodStart.AddDays(draw.Next(0, periodEnd.DayNumber - periodStart.DayNumber + 1));
        var nextDue = paidOn.AddMonths(1);
        var dividendRate = draw.Pick("0.050", "0.100", "0.150", "0.250", "0.400");
        var share = draw.Amount(5m, 4_000m) + (secured ? original : 0m);
        var dividend = Math.Round(share * decimal.Parse(dividendRate, Inv) / 1200m, 2);
        var draft = draw.Amount(120m, 6_500m);
        var loanSuffix = secured ? "L01" : draw.Pick("L70", "L71", "L50");
        var loanName = secured ? "SHARE SECURED LOAN" : draw.Pick("NEW AUTO LOAN", "USED VEHICLE LOAN", "AUTO LOAN - INDIRECT", "VEHICLE LOAN");
        var twoYear = draw.OneIn(2);
        string Dt(DateOnly d) => d.ToString(twoYear ? "MM/dd/yy" : "MM/dd/yyyy", Inv);
        string N(decimal v) => v < 1m ? v.ToString(".00", Inv) : v.ToString("#,##0.00", Inv);

        var other = draw.OneIn(3);
        var otherLast4 = Unique();
        var otherOriginal = draw.Amount(2_000m, 14_000m);
        var otherRate = Math.Round(draw.Rate(8.9m, 17.9m), 2);
        var otherPayment = Installment(otherOriginal, otherRate, 48);
        var otherBalance = Remaining(otherOriginal, otherRate, otherPayment, draw.Next(2, 40));
        var otherDue = periodEnd.AddDays(draw.Next(3, 25));
        var (otherSuffix, otherName) = secured ? ("L70", "NEW AUTO LOAN") : ("L20", draw.Pick("SIGNATURE LOAN", "PERSONAL LINE - CLOSED END", "SHARE SECURED LOAN"));

        var summary = new StringBuilder();
        summary.Append("ID    DESCRIPTION                 ACCOUNT NO.       BEGINNING BAL      ENDING BAL\n");
        summary.Append(CultureInfo.InvariantCulture, $"S00   PRIMARY SAVINGS             XXXXXX{shareLast4}  {N(share - dividend),16}{N(share),16}\n");
        summary.Append(CultureInfo.InvariantCulture, $"S10   SHARE DRAFT CHECKING        XXXXXX{draftLast4}  {N(draft - draw.Amount(-300m, 300m)),16}{N(draft),16}\n");
        summary.Append(CultureInfo.InvariantCulture, $"{loanSuffix}   {loanName,-26}  XXXXXX{loanLast4}  {N(before),16}{N(ending),16}\n");
        if (other)
        {
            summary.Append(CultureInfo.InvariantCulture, $"{otherSuffix}   {otherName,-26}  XXXXXX{otherLast4}  {N(otherBalance + draw.Amount(80m, 300m)),16}{N(otherBalance),16}\n");
        }

        var rateLabel = draw.Pick("ANNUAL PERCENTAGE RATE", "APR", "INTEREST RATE");
        var dueLabel = draw.Pick("NEXT PAYMENT DUE", "PAYMENT DUE DATE", "NEXT DUE DATE");
        var amountLabel = draw.Pick("PAYMENT AMOUNT", "REGULAR PAYMENT", "NEXT PAYMENT AMOUNT");
        var loan = $"""
                    {loanSuffix}  {loanName}                     ACCOUNT XXXXXX{loanLast4}
                    {(secured ? $"  COLLATERAL: PLEDGED SHARES S01 CERTIFICATE   {N(original)} HELD" : $"  COLLATERAL: {draw.Pick("2021 TOYOTA RAV4", "2019 FORD F150", "2022 HONDA CIVIC", "2020 CHEVROLET EQUINOX", "2023 KIA SORENTO")}  VIN ...{Int(draw.Next(100000, 999999))}")}
                      DATE    DESCRIPTION                     PAYMENT    PRINCIPAL    INTEREST         BALANCE
                      {periodStart.ToString("MM/dd", Inv)}   PREVIOUS BALANCE                                                   {N(before),12}
                      {paidOn.ToString("MM/dd", Inv)}   PAYMENT - TRANSFER FROM S10   {N(payment),9}  {N(principalPart),11}  {N(interest),10}    {N(ending),12}
                      {periodEnd.ToString("MM/dd", Inv)}   ENDING BALANCE                                                     {N(ending),12}

                      {Pad(rateLabel, 24, ' ')}{rate.ToString("0.000", Inv)}%        DAILY PERIODIC RATE   {(rate / 365m).ToString(".000000", Inv)}%
                      {Pad(dueLabel, 24, ' ')}{Dt(nextDue)}{new string(' ', twoYear ? 8 : 6)}{Pad(amountLabel, 22, ' ')}{N(payment)}
                      {Pad("ORIGINAL LOAN AMOUNT", 24, ' ')}{N(original),-14}MATURITY DATE         {Dt(paidOn.AddMonths(term - made))}
                      {Pad("INTEREST PAID YTD", 24, ' ')}{N(interest * Math.Min(made, periodEnd.Month)),-14}PAST DUE AMOUNT       .00
                    """;
        var otherSection = other
            ? $"""
               {otherSuffix}  {otherName}                     ACCOUNT XXXXXX{otherLast4}
                 {Pad(rateLabel, 24, ' ')}{otherRate.ToString("0.000", Inv)}%
                 {Pad(dueLabel, 24, ' ')}{Dt(otherDue)}{new string(' ', twoYear ? 8 : 6)}{Pad(amountLabel, 22, ' ')}{N(otherPayment)}
                 ENDING BALANCE          {N(otherBalance)}
               """
            : "";
        var ytdDividends = dividend * periodEnd.Month;
        var dividends = $"""
                         MEMBER DIVIDEND SUMMARY
                         S00 PRIMARY SAVINGS     DIVIDEND RATE {dividendRate}%   APY EARNED {decimal.Parse(dividendRate, Inv).ToString("0.00", Inv)}%   DIVIDENDS THIS PERIOD {N(dividend)}   DIVIDENDS YTD {N(ytdDividends)}
                         S10 SHARE DRAFT         DIVIDEND RATE 0.010%   DIVIDENDS YTD .{Int(draw.Next(10, 99))}
                         {(draw.OneIn(3) ? $"LOAN INTEREST REFUND: Your board of directors declared a {Int(draw.Next(5, 16))}% refund of loan interest paid last year. {N(draw.Amount(8m, 140m))} was deposited to S00 on {Dt(new DateOnly(periodEnd.Year, 1, 31))}." : "")}
                         """;
        var draftLines = string.Join("\n", new (DateOnly Date, string Text)[]
            {
                (paidOn, $"TRANSFER TO {loanSuffix}          {"-" + N(payment),11}"),
                (periodStart.AddDays(draw.Next(0, 25)), $"ACH DEPOSIT {draw.Pick("PAYROLL  ", "SSA TREAS", "DIRECT DP")}  {N(draw.Amount(600m, 3_200m)),11}"),
                (periodStart.AddDays(draw.Next(0, 25)), $"DRAFT #{Int(draw.Next(1000, 9999))}              {"-" + N(draw.Amount(20m, 900m)),11}"),
            }.OrderBy(l => l.Date).Select(l => $"  {l.Date.ToString("MM/dd", Inv)}   {l.Text}"));
        var shareSection = $"""
                            S00  PRIMARY SAVINGS                       ACCOUNT XXXXXX{shareLast4}
                              {periodStart.ToString("MM/dd", Inv)}   BEGINNING BALANCE                          {N(share - dividend),12}
                              {periodEnd.ToString("MM/dd", Inv)}   DIVIDEND                   {N(dividend),10}      {N(share),12}

                            S10  SHARE DRAFT CHECKING                  ACCOUNT XXXXXX{draftLast4}
                            {draftLines}
                              {periodEnd.ToString("MM/dd", Inv)}   ENDING BALANCE                             {N(draft),12}
                            """;
        var header = $"""
                      {cu.ToUpperInvariant()}
                      {Int(draw.Next(100, 9999))} {draw.Pick("MAIN ST", "CREDIT UNION WAY", "UNION AVE", "HIGHWAY 61 N")}
                      {CityStateZip(draw).ToUpperInvariant()}
                      ROUTING NO. 2{Int(draw.Next(10_000_000, 99_999_999))}        AUDIO TELLER {Phone(draw)}

                      STATEMENT OF ACCOUNT       PERIOD {Dt(periodStart)} THRU {Dt(periodEnd)}
                      MEMBER NUMBER   XXXX{member}                 PAGE 1 OF {Int(other ? 3 : 2)}

                      {Person(draw).ToUpperInvariant()}
                      {Street(draw).ToUpperInvariant()}
                      {CityStateZip(draw).ToUpperInvariant()}

                      *** YOUR SAVINGS FEDERALLY INSURED TO AT LEAST $250,000 BY NCUA ***
                      {draw.Pick($"THE ANNUAL MEETING WILL BE HELD {periodEnd.AddDays(draw.Next(20, 60)).ToString("MMMM d", Inv).ToUpperInvariant()} AT 6:30 PM IN THE MAIN BRANCH LOBBY.", "SKIP-A-PAY IS AVAILABLE FOR QUALIFYING LOANS - $35 FEE PER LOAN.", "HOLIDAY CLOSING: ALL BRANCHES CLOSED MONDAY.")}
                      """;
        var body = draw.OneIn(2)
            ? new[] { header, "ACCOUNT SUMMARY\n" + summary.ToString().TrimEnd(), shareSection, loan, otherSection, dividends }
            : [header, "ACCOUNT SUMMARY\n" + summary.ToString().TrimEnd(), dividends, shareSection, otherSection, loan];
        var text = string.Join("\n\n", body.Where(b => b.Trim().Length > 0));

        return new(type, SourceKind.Statement, cu, text, new ExtractedFields
        {
            PrincipalBalance = ending,
            NextPaymentAmount = payment,
            NextPaymentDueDate = nextDue,
            InterestRatePct = rate,
            AccountLast4 = loanLast4,
        });
    }

    // ───────────────────────────── 4. Dealer trade-in payoff verification ─────────────────────────────

    private static SyntheticDocument DealerPayoffVerification(Draw draw, TextFormats format, DateOnly asOf)
    {
        var lender = draw.Pick("Ally Auto", "Westlake Financial", "Capital One Auto Finance", "Santander Consumer USA", "Toyota Financial Services", "Chase Auto", "GM Financial", "Bridgecrest", "Exeter Finance", "Global Lending Services");
        var dealer = draw.Pick("Lakeshore Honda", "Bill Kremer Chevrolet Buick GMC", "Sun Valley Toyota", "Route 9 Nissan", "Tri-State Kia", "Prairie Ford Lincoln", "Canyon Hyundai", "Riverside Chrysler Dodge Jeep Ram");
        var last4 = draw.Last4();
        var principal = draw.Amount(3_800m, 42_000m);
        var rate = Math.Round(draw.Rate(2.9m, 23.9m), 2);
        var perDiem = PerDiem(principal, rate, 365);
        var quoteDays = Ints(draw, 10, 10, 10, 7, 15, 20);
        var goodThrough = asOf.AddDays(quoteDays);
        var sinceLastPayment = draw.Next(3, 28);
        var fee = draw.OneIn(5) ? Ints(draw, 15, 25, 30) : 0m;
        var payoff = principal + Math.Round(perDiem * (sinceLastPayment + quoteDays), 2) + fee;
        var regular = Installment(principal, rate, draw.Next(30, 72));
        var nextDue = asOf.AddDays(draw.Next(2, 30));
        var (vehicle, vinStart) = Vehicles[draw.Next(Vehicles.Length)];
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
                    $"IVR: The {Int(quoteDays)} day payoff amount, good through {month} {TextOrdinal(goodThrough.Day)}, {Int(goodThrough.Year)}, is {Say(payoff, spoken.Payoff)}.",
                    $"IVR: If funds are received after that date, add {Say(perDiem, spoken.PerDiem)} per day.",
                };
                if (states.Principal)
                {
                    lines.Add($"IVR: The current principal balance is {Say(principal, !spoken.Payoff)}.");
                }

                if (states.Next)
                {
                    lines.Add($"IVR: The next payment of {Usd(regular)} is due on {nextDue.ToString("MMMM", Inv)} {TextOrdinal(nextDue.Day)}.");
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

    // ───────────────────────────── 5. SMS alert thread ─────────────────────────────

    private static SyntheticDocument TextAlertThread(Draw draw, TextFormats format, DateOnly asOf)
    {
        var messages = new List<(DateTime At, bool Me, string Text)>();
        var hosts = (Statement: "", Pay: "");
        DateTime At(DateOnly d, int hour) => d.ToDateTime(new TimeOnly(hour, draw.Next(0, 60)));
        var last4 = draw.Last4();
        var kind = draw.Next(5);
        string lender, tag, code;
        LiabilityType type;
        ExtractedFields gold;
        var md = draw.Pick("M/d", "MM/dd", "M/d/yy", "MMM d");
        string Dt(DateOnly d) => d.ToString(md, Inv);
        string Link(string host) => $"https://{host}/{ShortCode(draw)}";
        switch (kind)
        {
            case 0 or 1:
            {
                (lender, tag, code, hosts) = draw.Next(4) switch
                {
                    0 => ("Discover", "Discover", "347268", ("dscvr.co/s", "dscvr.co/p")),
                    1 => ("Capital One", "Capital One", "227898", ("c1.co/st", "c1.co/pay")),
                    2 => ("Synchrony Bank", "Synchrony", "56457", ("syf.me/s", "syf.me/p")),
                    _ => ("Citi", "Citi Alert", "692484", ("citi.us/st", "citi.us/p")),
                };
                type = LiabilityType.CreditCard;
                var limit = 500m * draw.Next(2, 41);
                var statement = Math.Round((limit * draw.Amount(0.05m, 0.85m)) + draw.Amount(0m, 4.99m), 2);
                var minimum = Math.Min(statement, Math.Max(35m, decimal.Floor(statement * 0.02m) + draw.Amount(0m, 25m)));
                minimum = Math.Round(minimum, 2);
                var closing = asOf.AddDays(-draw.Next(2, 12));
                var due = closing.AddDays(draw.Next(23, 28));
                var spend = draw.Amount(8m, 160m);
                var current = statement + spend;
                var paid = draw.Amount(35m, 500m);
                var showLimit = draw.OneIn(2);
                messages.Add((At(closing.AddDays(-draw.Next(3, 15)), 12), false, $"{tag}: Payment of {Usd(paid)} posted to card ending {last4}. Thank you!"));
                messages.Add((At(closing, 9), false, $"{tag}: Your statement is ready. Stmt bal {Usd(statement)}, min pmt {Usd(minimum)} due {Dt(due)}. View: {Link(hosts.Statement)} Reply STOP to end"));
                messages.Add((At(asOf.AddDays(-1), 19), false, $"{tag}: A {Usd(spend)} transaction was made at {draw.Pick("SHELL OIL", "WALGREENS", "TARGET T-", "KROGER #", "AMZN Mktp US")} {draw.Next(0, 10000).ToString("D4", Inv)} on card ending {last4}. Not you? Reply NO."));
                messages.Add((At(asOf, 8), true, "BAL"));
                messages.Add((At(asOf, 8), false, $"{tag}: Acct ending {last4} as of {Dt(asOf)}: Current bal {Usd(current)}. Avail credit {Usd(limit - current)}.{(showLimit ? $" Credit line {Usd(limit)}." : "")} Last stmt bal {Usd(statement)}."));
                if (draw.OneIn(2))
                {
                    messages.Add((At(asOf, 8), true, "DUE"));
                    messages.Add((At(asOf, 8), false, $"{tag}: Min pmt {Usd(minimum)} due {Dt(due)}. Pay in app: {Link(hosts.Pay)} Msg&data rates may apply."));
                }

                gold = new ExtractedFields { StatementBalance = statement, MinimumPayment = minimum, NextPaymentDueDate = due, CreditLimit = showLimit ? limit : null, AccountLast4 = last4 };
                break;
            }

            case 2:
            {
                (lender, tag, code, hosts) = draw.Next(3) switch
                {
                    0 => ("LendingPoint", "LendingPoint", "39428", ("lpt.co/p", "lpt.co/o")),
                    1 => ("Upgrade", "Upgrade", "87342", ("upgr.de/p", "upgr.de/o")),
                    _ => ("OneMain Financial", "OneMain", "663662", ("omf.link/p", "omf.link/o")),
                };
                type = LiabilityType.PersonalLoan;
                var principal = draw.Amount(1_800m, 24_000m);
                var rate = Math.Round(draw.Rate(8.9m, 35.9m), 2);
                var payment = Installment(principal, rate, draw.Next(14, 60));
                var due = asOf.AddDays(draw.Next(3, 25));
                var payoffBy = asOf.AddDays(draw.Next(7, 16));
                var payoff = principal + Math.Round(PerDiem(principal, rate, 365) * (payoffBy.DayNumber - due.AddMonths(-1).DayNumber), 2);
                var askPayoff = draw.OneIn(2);
                var first = Person(draw).Split(' ')[0];
                messages.Add((At(due.AddMonths(-1), 10), false, $"{tag}: We received your payment of {Usd(payment)}. Thank you, {first}!"));
                messages.Add((At(asOf.AddDays(-draw.Next(1, 6)), 11), false, $"{tag}: Hi {first}, your pmt of {Usd(payment)} for loan ending {last4} is due {Dt(due)}. Pay: {Link(hosts.Statement)} Reply STOP to opt out."));
                messages.Add((At(asOf, 13), true, "BAL"));
                messages.Add((At(asOf, 13), false, $"{tag}: Loan ••{last4}: principal bal {Usd(principal)} as of {Dt(asOf)}. Next pmt {Usd(payment)} due {Dt(due)}. Reply PAYOFF for a payoff quote."));
                if (askPayoff)
                {
                    messages.Add((At(asOf, 13), true, "PAYOFF"));
                    messages.Add((At(asOf, 13), false, $"{tag}: Your payoff amount is {Usd(payoff)}, good through {payoffBy.ToString("MM/dd/yyyy", Inv)}. Amounts change daily. For a letter call {TollFree(draw)}."));
                }

                messages.Add((At(asOf, 17), false, $"{tag}: Good news {first} - you may qualify for up to {Usd(500m * draw.Next(10, 60))} more. Check your offer (no impact to credit score): {Link(hosts.Pay)}"));
                gold = new ExtractedFields
                {
                    PayoffAmount = askPayoff ? payoff : null,
                    PayoffGoodThrough = askPayoff ? payoffBy : null,
                    PrincipalBalance = principal,
                    NextPaymentAmount = payment,
                    NextPaymentDueDate = due,
                    AccountLast4 = last4,
                };
                break;
            }

            case 3:
            {
                (lender, tag, code, hosts) = draw.Next(3) switch
                {
                    0 => ("MOHELA", "MOHELA", "66435", ("mohela.me/a", "")),
                    1 => ("Nelnet", "Nelnet", "635638", ("nelnet.co/m", "")),
                    _ => ("Aidvantage", "Aidvantage", "24382", ("aidv.us/m", "")),
                };
                type = LiabilityType.StudentLoan;
                var principal = draw.Amount(4_000m, 68_000m);
                var rate = Math.Round(draw.Rate(2.75m, 7.54m), 2);
                var payment = Math.Min(principal, Installment(principal, rate, 120));
                var due = asOf.AddDays(draw.Next(2, 28));
                var showRate = draw.OneIn(2);
                messages.Add((At(due.AddMonths(-1), 17), false, $"{tag}: Your payment of {Usd(payment)} was received {Dt(due.AddMonths(-1))}. Thank you!"));
                messages.Add((At(asOf.AddDays(-draw.Next(1, 5)), 9), false, $"{tag}: Reminder - your student loan pmt of {Usd(payment)} is due {Dt(due)}. Acct ending {last4}. Manage at {Link(hosts.Statement)}"));
                messages.Add((At(asOf, 20), true, "BAL"));
                messages.Add((At(asOf, 20), false, $"{tag}: Acct ending {last4}: {Usd(principal)} principal + {Usd(draw.Amount(3m, 240m))} unpaid interest.{(showRate ? $" Current rate {rate.ToString("0.00", Inv)}%." : "")}"));
                if (draw.OneIn(2))
                {
                    messages.Add((At(asOf, 20), false, $"{tag}: Your income-driven repayment plan must be recertified by {Dt(asOf.AddDays(draw.Next(40, 120)))}. Start at studentaid.gov."));
                }

                if (showRate && draw.OneIn(2))
                {
                    messages.Add((At(asOf, 20), false, $"{tag}: Enroll in Auto Debit and save 0.25% on your rate. Reply AUTO for details."));
                }

                gold = new ExtractedFields { PrincipalBalance = principal, NextPaymentAmount = payment, NextPaymentDueDate = due, InterestRatePct = showRate ? rate : null, AccountLast4 = last4 };
                break;
            }

            default:
            {
                (lender, tag, code, hosts) = draw.Next(3) switch
                {
                    0 => ("Mr. Cooper", "Mr. Cooper", "26677", ("mrc.pr/e", "")),
                    1 => ("Rocket Mortgage", "Rocket Mtg", "76253", ("rkt.ms/e", "")),
                    _ => ("PennyMac", "PennyMac", "73662", ("pmac.co/e", "")),
                };
                type = LiabilityType.Mortgage;
                var principal = draw.Amount(70_000m, 540_000m);
                var rate = 2.75m + (0.125m * draw.Next(0, 40));
                var payment = Installment(principal, rate, draw.Next(200, 350)) + draw.Amount(180m, 900m);
                var due = FirstOfNextMonth(asOf);
                var newPayment = payment + draw.Amount(-120m, 260m);
                var effective = due.AddMonths(draw.Next(1, 3));
                var escrow = draw.Amount(200m, 6_000m);
                var showEscrow = draw.OneIn(2);
                messages.Add((At(due.AddMonths(-1).AddDays(draw.Next(0, 10)), 10), false, $"{tag}: Payment received: {Usd(payment)} on loan ending {last4}. Thanks!"));
                messages.Add((At(asOf.AddDays(-draw.Next(1, 8)), 15), false, $"{tag}: Your escrow analysis is ready. Beginning {Dt(effective)} your new monthly payment will be {Usd(newPayment)}. Details: {Link(hosts.Statement)}"));
                messages.Add((At(asOf, 9), false, $"{tag}: Your mortgage pmt of {Usd(payment)} is due {Dt(due)}. A late charge of {Usd(Math.Round(payment * 0.04m, 2))} may apply after {Dt(due.AddDays(15))}."));
                messages.Add((At(asOf, 9), true, "BAL"));
                messages.Add((At(asOf, 9), false, $"{tag}: Loan ending {last4}: Principal bal {Usd(principal)}.{(showEscrow ? $" Escrow bal {Usd(escrow)}." : "")} Next pmt {Usd(payment)} due {Dt(due)}."));
                gold = new ExtractedFields
                {
                    PrincipalBalance = principal,
                    EscrowBalance = showEscrow ? escrow : null,
                    NextPaymentAmount = payment,
                    NextPaymentDueDate = due,
                    AccountLast4 = last4,
                };
                break;
            }
        }

        var sb = new StringBuilder();
        var ordered = new List<(DateTime At, bool Me, string Text)>();
        foreach (var (at, me, body) in messages)
        {
            var when = ordered.Count == 0 ? at
                : ordered[^1].Me && !me ? ordered[^1].At.AddMinutes(draw.Next(0, 2))
                : at <= ordered[^1].At ? ordered[^1].At.AddMinutes(draw.Next(1, 4)) : at;
            ordered.Add((when, me, body));
        }

        if (draw.OneIn(2))
        {
            sb.Append(CultureInfo.InvariantCulture, $"Messages with {code} ({lender})\n");
            DateOnly? day = null;
            foreach (var (at, me, body) in ordered)
            {
                if (DateOnly.FromDateTime(at) != day)
                {
                    day = DateOnly.FromDateTime(at);
                    sb.Append('\n').Append(at.ToString("ddd, MMM d, yyyy", Inv)).Append('\n');
                }

                sb.Append(me ? "Me: " : "").Append(body).Append('\n').Append("   ").Append(at.ToString("h:mm tt", Inv)).Append(me ? " · Delivered" : "").Append('\n');
            }
        }
        else
        {
            foreach (var (at, me, body) in ordered)
            {
                sb.Append(at.ToString("M/d/yy, h:mm tt", Inv)).Append(" - ").Append(me ? "Me" : code).Append(": ").Append(body).Append('\n');
            }
        }

        return new(type, SourceKind.Other, lender, sb.ToString().TrimEnd(), gold);
    }

    private static string ShortCode(Draw draw)
    {
        const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = new char[draw.Next(5, 8)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[draw.Next(Alphabet.Length)];
        }

        return new string(chars);
    }

    // ───────────────────────────── 6. Aggregator / portal export ─────────────────────────────

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static SyntheticDocument AggregatorExport(Draw draw, TextFormats format, DateOnly asOf) => draw.Next(4) switch
    {
        0 => AggregatorCardJson(draw, asOf),
        1 => AggregatorMortgageJson(draw, asOf),
        2 => PortalMortgageCopy(draw, asOf),
        _ => StudentLoanCsv(draw, asOf),
    };

    private static JsonValue Money(decimal v) => JsonValue.Create((double)v);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", Inv);

    private static string PlaidLikeId(Draw draw)
    {
        const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var chars = new char[37];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[draw.Next(Alphabet.Length)];
        }

        return new string(chars);
    }

    private static JsonObject DepositAccount(Draw draw)
    {
        var balance = draw.Amount(40m, 9_000m);
        return new JsonObject
        {
            ["account_id"] = PlaidLikeId(draw),
            ["balances"] = new JsonObject { ["available"] = Money(balance), ["current"] = Money(balance + draw.Amount(0m, 80m)), ["iso_currency_code"] = "USD", ["limit"] = null, ["unofficial_currency_code"] = null },
            ["mask"] = draw.Last4(),
            ["name"] = draw.Pick("Everyday Checking", "Premier Checking", "Total Checking", "Free Checking"),
            ["official_name"] = null,
            ["subtype"] = "checking",
            ["type"] = "depository",
        };
    }

    private static SyntheticDocument AggregatorCardJson(Draw draw, DateOnly asOf)
    {
        var (institution, product) = draw.Next(4) switch
        {
            0 => ("Capital One", "Capital One Quicksilver Rewards"),
            1 => ("Chase", "Chase Freedom Unlimited"),
            2 => ("Citi", "Citi Double Cash Card"),
            _ => ("Wells Fargo", "Wells Fargo Active Cash Card"),
        };
        var last4 = draw.Last4();
        var limit = 500m * draw.Next(2, 61);
        var statement = Math.Round((limit * draw.Amount(0.03m, 0.98m)) + draw.Amount(0m, 4.99m), 2);
        var current = Math.Max(0m, statement + draw.Amount(-200m, 400m));
        var minimum = Math.Min(statement, Math.Max(25m, decimal.Round(statement * 0.01m, 0) + draw.Amount(0m, 30m)));
        minimum = draw.OneIn(2) ? decimal.Ceiling(minimum) : Math.Round(minimum, 2);
        var purchaseApr = Math.Round(draw.Rate(17.99m, 29.99m), 2);
        var cashApr = Math.Min(39.99m, purchaseApr + Ints(draw, 5, 6, 7));
        var issued = asOf.AddDays(-draw.Next(1, 20));
        var due = issued.AddDays(draw.Next(21, 28));
        var accountId = PlaidLikeId(draw);
        var aprs = new JsonArray
        {
            new JsonObject { ["apr_percentage"] = Money(cashApr), ["apr_type"] = "cash_apr", ["balance_subject_to_apr"] = null, ["interest_charge_amount"] = null },
            new JsonObject { ["apr_percentage"] = Money(purchaseApr), ["apr_type"] = "purchase_apr", ["balance_subject_to_apr"] = Money(Math.Round(statement * 0.9m, 2)), ["interest_charge_amount"] = Money(Math.Round(statement * purchaseApr / 1200m, 2)) },
        };
        if (draw.OneIn(3))
        {
            aprs.Insert(0, new JsonObject { ["apr_percentage"] = Money(0m), ["apr_type"] = "balance_transfer_apr", ["balance_subject_to_apr"] = Money(draw.Amount(100m, 900m)), ["interest_charge_amount"] = Money(0m) });
        }

        var root = new JsonObject
        {
            ["accounts"] = new JsonArray
            {
                new JsonObject
                {
                    ["account_id"] = accountId,
                    ["balances"] = new JsonObject { ["available"] = Money(limit - current), ["current"] = Money(current), ["iso_currency_code"] = "USD", ["limit"] = Money(limit), ["unofficial_currency_code"] = null },
                    ["mask"] = last4,
                    ["name"] = product.Split(' ')[^2] + " " + product.Split(' ')[^1],
                    ["official_name"] = product,
                    ["subtype"] = "credit card",
                    ["type"] = "credit",
                },
                DepositAccount(draw),
            },
            ["item"] = new JsonObject { ["institution_id"] = "ins_" + Int(draw.Next(3, 130_000)), ["institution_name"] = institution },
            ["liabilities"] = new JsonObject
            {
                ["credit"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["account_id"] = accountId,
                        ["aprs"] = aprs,
                        ["is_overdue"] = false,
                        ["last_payment_amount"] = Money(draw.Amount(25m, 600m)),
                        ["last_payment_date"] = Iso(issued.AddDays(-draw.Next(3, 20))),
                        ["last_statement_issue_date"] = Iso(issued),
                        ["last_statement_balance"] = Money(statement),
                        ["minimum_payment_amount"] = Money(minimum),
                        ["next_payment_due_date"] = Iso(due),
                    },
                },
                ["mortgage"] = null,
                ["student"] = null,
            },
            ["request_id"] = ShortCode(draw) + ShortCode(draw),
        };
        var text = $"{draw.Pick("liabilities/get response (pasted from aggregator dashboard):", "// aggregator pull " + Iso(asOf), "Linked account data export")}\n{root.ToJsonString(draw.OneIn(4) ? Compact : Indented)}";
        return new(LiabilityType.CreditCard, SourceKind.PortalPage, institution, text, new ExtractedFields
        {
            StatementBalance = statement,
            MinimumPayment = minimum,
            NextPaymentDueDate = due,
            InterestRatePct = purchaseApr,
            CreditLimit = limit,
            AccountLast4 = last4,
        });
    }

    private static (decimal Principal, decimal Rate, decimal Payment, decimal PrincipalAndInterest, decimal Escrow, DateOnly Due, decimal Original, DateOnly Originated, int Years) MortgageFacts(Draw draw, DateOnly asOf)
    {
        var years = draw.OneIn(4) ? 15 : 30;
        var rate = 2.5m + (0.125m * draw.Next(0, 46));
        var original = Math.Round(draw.Amount(90_000m, 720_000m) / 500m, 0) * 500m;
        var originated = asOf.AddDays(-draw.Next(200, 3_600));
        var elapsed = (((asOf.Year * 12) + asOf.Month) - ((originated.Year * 12) + originated.Month));
        var pi = Installment(original, rate, years * 12);
        var principal = Remaining(original, rate, pi, Math.Min(elapsed, (years * 12) - 12));
        var escrow = draw.Amount(150m, 1_100m);
        var due = FirstOfNextMonth(asOf);
        return (principal, rate, pi + escrow, pi, escrow, due, original, originated, years);
    }

    private static SyntheticDocument AggregatorMortgageJson(Draw draw, DateOnly asOf)
    {
        var servicer = draw.Pick("Mr. Cooper", "Rocket Mortgage", "U.S. Bank Home Mortgage", "Freedom Mortgage", "Truist Mortgage", "NewRez");
        var last4 = draw.Last4();
        var f = MortgageFacts(draw, asOf);
        var escrowBalance = draw.OneIn(6) ? -draw.Amount(90m, 1_400m) : draw.Amount(300m, 8_000m);
        var accountId = PlaidLikeId(draw);
        var zip = Int(draw.Next(10_000, 99_999));
        var root = new JsonObject
        {
            ["accounts"] = new JsonArray
            {
                DepositAccount(draw),
                new JsonObject
                {
                    ["account_id"] = accountId,
                    ["balances"] = new JsonObject { ["available"] = null, ["current"] = Money(f.Principal), ["iso_currency_code"] = "USD", ["limit"] = null, ["unofficial_currency_code"] = null },
                    ["mask"] = last4,
                    ["name"] = "Home Loan",
                    ["official_name"] = null,
                    ["subtype"] = "mortgage",
                    ["type"] = "loan",
                },
            },
            ["item"] = new JsonObject { ["institution_id"] = "ins_" + Int(draw.Next(3, 130_000)), ["institution_name"] = servicer },
            ["liabilities"] = new JsonObject
            {
                ["credit"] = null,
                ["mortgage"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["account_id"] = accountId,
                        ["account_number"] = Int(draw.Next(10_000, 99_999)) + Int(draw.Next(10, 99)) + last4,
                        ["current_late_fee"] = Money(0m),
                        ["escrow_balance"] = Money(escrowBalance),
                        ["has_pmi"] = draw.OneIn(2),
                        ["has_prepayment_penalty"] = false,
                        ["interest_rate"] = new JsonObject { ["percentage"] = Money(f.Rate), ["type"] = "fixed" },
                        ["last_payment_amount"] = Money(f.Payment),
                        ["last_payment_date"] = Iso(f.Due.AddMonths(-1).AddDays(draw.Next(-3, 10))),
                        ["loan_term"] = Int(f.Years) + " year",
                        ["loan_type_description"] = draw.Pick("conventional", "FHA", "VA"),
                        ["maturity_date"] = Iso(new DateOnly(f.Originated.Year, f.Originated.Month, 1).AddMonths((f.Years * 12) + 1)),
                        ["next_monthly_payment"] = Money(f.Payment),
                        ["next_payment_due_date"] = Iso(f.Due),
                        ["origination_date"] = Iso(f.Originated),
                        ["origination_principal_amount"] = Money(f.Original),
                        ["past_due_amount"] = Money(0m),
                        ["property_address"] = new JsonObject { ["city"] = draw.Pick("Tinley Park", "Round Rock", "Gilbert", "Fishers", "Marietta"), ["country"] = "US", ["postal_code"] = zip, ["region"] = draw.Pick("IL", "TX", "AZ", "IN", "GA"), ["street"] = Street(draw) },
                        ["ytd_interest_paid"] = Money(Math.Round(f.Principal * f.Rate / 1200m * asOf.Month, 2)),
                        ["ytd_principal_paid"] = Money(Math.Round((f.PrincipalAndInterest - (f.Principal * f.Rate / 1200m)) * asOf.Month, 2)),
                    },
                },
                ["student"] = null,
            },
            ["request_id"] = ShortCode(draw) + ShortCode(draw),
        };
        var text = $"{draw.Pick("Mortgage liability pulled via aggregator on " + asOf.ToString("MM/dd/yyyy", Inv) + ":", "liabilities response", "Raw aggregator data (mortgage)")}\n{root.ToJsonString(draw.OneIn(4) ? Compact : Indented)}";
        return new(LiabilityType.Mortgage, SourceKind.PortalPage, servicer, text, new ExtractedFields
        {
            PrincipalBalance = f.Principal,
            EscrowBalance = escrowBalance,
            NextPaymentAmount = f.Payment,
            NextPaymentDueDate = f.Due,
            InterestRatePct = f.Rate,
            AccountLast4 = last4,
        });
    }

    /// <summary>A servicer's loan overview page copied out of a browser: labels and values, however the copy split them.</summary>
    private static SyntheticDocument PortalMortgageCopy(Draw draw, DateOnly asOf)
    {
        var servicer = draw.Pick("Mr. Cooper", "Rocket Mortgage", "Freedom Mortgage", "PennyMac", "Carrington Mortgage Services", "Guild Mortgage", "Lakeview / LoanCare");
        var last4 = draw.Last4();
        var f = MortgageFacts(draw, asOf);
        var late = draw.OneIn(5) ? Math.Round(f.PrincipalAndInterest * 0.05m, 2) : 0m;
        var shortage = draw.OneIn(5);
        var escrow = shortage ? draw.Amount(90m, 1_500m) : draw.Amount(300m, 8_000m);
        var showEscrow = shortage || !draw.OneIn(4);
        var style = draw.Next(3);
        var d = draw.Pick("MM/dd/yyyy", "MMM d, yyyy", "M/d/yyyy");
        string Dt(DateOnly x) => x.ToString(d, Inv);
        var rows = new List<(string Label, string Value)>
        {
            ("Loan Number", draw.Pick("••••••", "******", "xxxxxx") + last4),
            ("Property Address", $"{Street(draw)}, {CityStateZip(draw)}"),
            (late > 0 ? "Total Amount Due" : "Amount Due", Usd(f.Payment + late)),
            ("Due Date", Dt(f.Due)),
            ("", ""),
            ("Payment Breakdown", ""),
            ("Principal & Interest", Usd(f.PrincipalAndInterest)),
            ("Escrow (Taxes & Insurance)", Usd(f.Escrow)),
            ("Monthly Payment", Usd(f.Payment)),
        };
        if (late > 0)
        {
            rows.Add(("Late Charges", Usd(late)));
        }

        rows.Add(("", ""));
        rows.Add(("Loan Details", ""));
        rows.Add((draw.Pick("Unpaid Principal Balance", "Principal Balance", "Current Principal Balance"), Usd(f.Principal)));
        if (showEscrow)
        {
            rows.Add(shortage ? ("Escrow Balance", "-" + Usd(escrow) + " (shortage)") : ("Escrow Balance", Usd(escrow)));
        }

        rows.Add(("Interest Rate", f.Rate.ToString("0.000", Inv) + "%"));
        rows.Add(("Loan Type", $"{draw.Pick("Conventional", "FHA", "VA")} {Int(f.Years)}-Year Fixed"));
        rows.Add(("Original Loan Amount", Usd(f.Original)));
        rows.Add(("Maturity Date", Dt(new DateOnly(f.Originated.Year, f.Originated.Month, 1).AddMonths((f.Years * 12) + 1))));
        rows.Add(("Last Payment Received", $"{Usd(f.Payment)} on {Dt(f.Due.AddMonths(-1).AddDays(draw.Next(0, 12)))}"));
        rows.Add(("", ""));
        rows.Add(($"{Int(asOf.Year)} Year-to-Date", ""));
        rows.Add(("Interest Paid", Usd(Math.Round(f.Principal * f.Rate / 1200m * asOf.Month, 2))));
        rows.Add(("Taxes Paid", Usd(asOf.Month > 4 ? draw.Amount(900m, 5_000m) : 0m)));
        rows.Add(("Hazard Insurance Paid", Usd(draw.Amount(0m, 2_400m))));

        var sb = new StringBuilder();
        sb.Append(servicer).Append(" | My Loan\n").Append(draw.Pick("Welcome back, ", "Hi, ")).Append(Person(draw).Split(' ')[0]).Append("\nLast login ").Append(asOf.ToString("MM/dd/yyyy", Inv)).Append(" · Help: ").Append(TollFree(draw)).Append("\n\n");
        foreach (var (label, value) in rows)
        {
            if (label.Length == 0)
            {
                sb.Append('\n');
            }
            else if (value.Length == 0)
            {
                sb.Append(label).Append('\n');
            }
            else
            {
                sb.Append(style switch { 0 => $"{label}: {value}", 1 => $"{label}\t{value}", _ => $"{label}\n{value}" }).Append('\n');
            }
        }

        sb.Append("\nMake a Payment   Payoff Quote   Escrow   Documents   Sign Out\n© ").Append(Int(asOf.Year)).Append(' ').Append(servicer).Append(". NMLS #").Append(Int(draw.Next(1000, 999999))).Append(". Equal Housing Lender.");
        return new(LiabilityType.Mortgage, SourceKind.PortalPage, servicer, sb.ToString(), new ExtractedFields
        {
            PrincipalBalance = f.Principal,
            EscrowBalance = showEscrow ? (shortage ? -escrow : escrow) : null,
            NextPaymentAmount = f.Payment,
            NextPaymentDueDate = f.Due,
            InterestRatePct = f.Rate,
            AccountLast4 = last4,
        });
    }

    private static readonly decimal[] FederalRates = [2.75m, 3.4m, 3.73m, 3.76m, 4.29m, 4.45m, 4.53m, 4.99m, 5.05m, 5.28m, 5.5m, 6.54m, 6.8m, 7.54m];

    private static readonly string[] FederalLoanTypes = ["DL Subsidized Stafford", "DL Unsubsidized Stafford", "Direct Subsidized", "Direct Unsubsidized", "DL PLUS Graduate"];

    private static SyntheticDocument StudentLoanCsv(Draw draw, DateOnly asOf)
    {
        var servicer = draw.Pick("MOHELA", "Nelnet", "Aidvantage", "EdFinancial Services", "Central Research, Inc.");
        var last4 = draw.Last4();
        var count = draw.OneIn(3) ? 1 : draw.Next(2, 6);
        var dollars = draw.OneIn(2);
        string Cell(decimal v) => dollars ? $"\"{Usd(v)}\"" : v.ToString("0.00", Inv);
        var loans = new List<(string Id, string Type, DateOnly Disbursed, decimal Original, decimal Principal, decimal Interest, decimal Rate)>();
        var firstYear = asOf.Year - draw.Next(3, 12);
        for (var i = 0; i < count; i++)
        {
            var original = Ints(draw, 3500, 4500, 5500, 6500, 7500, 2000, 12500) + (draw.OneIn(4) ? draw.Amount(0m, 900m) : 0m);
            loans.Add(($"1-{(i + 1).ToString("D2", Inv)}", FederalLoanTypes[draw.Next(FederalLoanTypes.Length)], new DateOnly(firstYear + ((i + 1) / 2), i % 2 == 0 ? 8 : 1, draw.Next(10, 28)),
                original, Math.Round((original * draw.Amount(0.55m, 1.02m)) - draw.Amount(0m, 40m), 2), draw.Amount(0m, 60m), FederalRates[draw.Next(FederalRates.Length)]));
        }

        var principal = loans.Sum(l => l.Principal);
        var weighted = Math.Round(loans.Sum(l => l.Principal * l.Rate) / principal, 3);
        var showWeighted = count > 1 && draw.OneIn(2);
        var payment = Math.Min(principal, Installment(principal, weighted, 120));
        var due = asOf.AddDays(draw.Next(-5, 28));
        var d = draw.Pick("MM/dd/yyyy", "yyyy-MM-dd", "M/d/yyyy");
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{servicer} - Loan Details Export,Generated {asOf.ToString(d, Inv)} {Int(draw.Next(1, 12))}:{Int(draw.Next(10, 60))} PM\n");
        sb.Append(CultureInfo.InvariantCulture, $"Account Number,{draw.Pick("XXXXXX", "*****", "")}{(draw.OneIn(2) ? "" : Int(draw.Next(10, 99)))}{last4}\n");
        sb.Append(CultureInfo.InvariantCulture, $"Borrower,{Person(draw)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"Repayment Plan,{draw.Pick("Standard", "Graduated", "Income-Based Repayment (IBR)", "Extended Fixed")}\n");
        sb.Append(CultureInfo.InvariantCulture, $"Monthly Payment Amount,{Cell(payment)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"{draw.Pick("Next Payment Due Date", "Due Date", "Payment Due")},{due.ToString(d, Inv)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"Auto Debit,{draw.Pick("Enrolled", "Not Enrolled")}\n");
        if (showWeighted)
        {
            sb.Append(CultureInfo.InvariantCulture, $"Weighted Average Interest Rate,{weighted.ToString("0.000", Inv)}%\n");
        }

        sb.Append('\n');
        sb.Append("Loan,Loan Type,Disbursement Date,Original Principal,Outstanding Principal,Outstanding Interest,Interest Rate,Status\n");
        foreach (var l in loans)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{l.Id},{l.Type},{l.Disbursed.ToString(d, Inv)},{Cell(l.Original)},{Cell(l.Principal)},{Cell(l.Interest)},{l.Rate.ToString("0.000", Inv)}%,{draw.Pick("Repayment", "In Repayment", "REPAYMENT")}\n");
        }

        if (count > 1)
        {
            sb.Append(CultureInfo.InvariantCulture, $"Total,,,{Cell(loans.Sum(l => l.Original))},{Cell(principal)},{Cell(loans.Sum(l => l.Interest))},,\n");
        }

        return new(LiabilityType.StudentLoan, SourceKind.PortalPage, servicer, sb.ToString().TrimEnd(), new ExtractedFields
        {
            PrincipalBalance = principal,
            NextPaymentAmount = payment,
            NextPaymentDueDate = due,
            InterestRatePct = count == 1 ? loans[0].Rate : showWeighted ? weighted : null,
            AccountLast4 = last4,
        });
    }

    // ───────────────────────────── shared helpers ─────────────────────────────

    private static string Usd(decimal v) => v.ToString("$#,##0.00", Inv);

    private static string Plain(decimal v) => v.ToString("#,##0.00", Inv);

    private static string Int(int v) => v.ToString(Inv);

    private static string Pad(string label, int width, char fill) => label.Length >= width ? label + " " : label + " " + new string(fill, width - label.Length - 1);

    private static int Ints(Draw draw, params int[] options) => options[draw.Next(options.Length)];

    private static DateOnly FirstOfNextMonth(DateOnly d) => new DateOnly(d.Year, d.Month, 1).AddMonths(1);

    private static decimal PerDiem(decimal principal, decimal ratePct, int basis) => Math.Round(principal * ratePct / 100m / basis, 2, MidpointRounding.AwayFromZero);

    /// <summary>The level payment that amortizes <paramref name="principal"/> over <paramref name="months"/>.</summary>
    private static decimal Installment(decimal principal, decimal ratePct, int months)
    {
        if (ratePct == 0m)
        {
            return Math.Round(principal / months, 2);
        }

        var r = (double)ratePct / 1200.0;
        return Math.Round((decimal)((double)principal * r / (1 - Math.Pow(1 + r, -months))), 2);
    }

    /// <summary>The principal left after <paramref name="paid"/> level payments.</summary>
    private static decimal Remaining(decimal principal, decimal ratePct, decimal payment, int paid)
    {
        var balance = principal;
        for (var i = 0; i < paid; i++)
        {
            balance += Math.Round(balance * ratePct / 1200m, 2) - payment;
        }

        return Math.Max(balance, payment);
    }

    private static string TextOrdinal(int day) => Int(day) + (day % 100 is 11 or 12 or 13 ? "th" : (day % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    private static string Phone(Draw draw) => $"({Int(draw.Next(201, 990))}) {Int(draw.Next(201, 990))}-{draw.Next(0, 10000).ToString("D4", Inv)}";

    private static string TollFree(Draw draw) => $"1-{draw.Pick("800", "855", "866", "877", "888")}-{Int(draw.Next(201, 990))}-{draw.Next(0, 10000).ToString("D4", Inv)}";

    private static string Person(Draw draw) =>
        draw.Pick("Maria", "James", "Tanya", "Robert", "Keisha", "Daniel", "Linh", "Carlos", "Heather", "Samuel", "Priya", "Douglas") + " " +
        draw.Pick("Gonzalez", "Whitaker", "Nguyen", "Okafor", "Brennan", "Alvarez", "Kowalski", "Patel", "Johnson", "Lindqvist", "Harper", "Reyes");

    private static string Street(Draw draw) => $"{Int(draw.Next(100, 9999))} {draw.Pick("W Maple Ct", "Oak Hollow Dr", "N 14th St", "Ridgeview Ln", "Cedar Bluff Rd", "Sycamore Ave", "E Lincoln Hwy")}";

    private static string CityStateZip(Draw draw) =>
        draw.Pick("Tinley Park, IL", "Round Rock, TX", "Gilbert, AZ", "Fishers, IN", "Marietta, GA", "Lancaster, PA", "Boise, ID", "Greenville, SC", "Dayton, OH") + " " + Int(draw.Next(10_000, 99_999));
}
