using System.Globalization;
using System.Text;
using Extraction.Core.Contracts;

namespace Extraction.Tooling.Generation.Families.Blind5;

/// <summary>The text a PDF-to-text tool pulls out of a three- or four-page mortgage statement: repeated page headers and footers, columns run together, a transaction history full of amounts, and an escrow section.</summary>
internal static class MortgageStatementPdfText
{
    public static DocumentFamily Family { get; } = new("mortgage-statement-pdf-text", FamilySet.HeldOut, 10,
        "multi-page mortgage statement as PDF-to-text output: repeated headers/footers, run-together columns, transaction and escrow tables", Write);

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly string[] Servicers =
    [
        "Cornerstone Home Loan Servicing|P.O. Box 650043|Dallas, TX 75265-0043|www.cornerstonehls.com|1-800-555-0147",
        "Bayfront Mortgage Company|PO Box 77404|Ewing, NJ 08628|bayfrontmortgage.com|1-888-555-0163",
        "Lakemont Mortgage Services, LLC|P.O. Box 9032|Temecula, CA 92589-9032|www.lakemontmortgage.com|(866) 555-0118",
        "Heritage Plains Bank, N.A. Home Lending|PO Box 10335|Des Moines, IA 50306-0335|heritageplains.com/mortgage|1-877-555-0190",
        "Tidewater Loan Servicing|P.O. Box 4130|Virginia Beach, VA 23454|www.tidewaterloans.com|800.555.0126",
        "Pinecrest Federal Savings|PO Box 2600|Spokane, WA 99220-2600|pinecrestfederal.com|(888) 555-0172",
    ];

    private static readonly string[] Names = ["JOHN Q HENDERSON", "MARIA L ALVAREZ", "ROBERT J KOWALSKI", "LINDA M OKAFOR", "DAVID NGUYEN", "PATRICIA A SULLIVAN", "KEVIN R BROOKS", "AISHA T WASHINGTON", "CARLOS DELGADO", "MEGAN E FISCHER"];

    private static readonly string[] CoNames = ["JANE R HENDERSON", "JOSE ALVAREZ", "KAREN S KOWALSKI", "", "", "", "THU NGUYEN", ""];

    private static readonly string[] Streets = ["1234 ELM ST", "88 WILLOW CREEK DR", "4017 N MAPLE AVE", "2290 HARBOR VIEW RD", "16 QUAIL RUN CT", "731 SUMMIT RIDGE LN", "5502 W 43RD ST", "903 LAKESHORE BLVD APT 2"];

    private static readonly string[] Cities = ["SPRINGFIELD IL 62704", "MESA AZ 85203", "CARY NC 27513", "AURORA CO 80014", "ROUND ROCK TX 78664", "OVERLAND PARK KS 66212", "TACOMA WA 98406", "KNOXVILLE TN 37919"];

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var s = draw.Pick(Servicers).Split('|');
        var (servicer, box, city, web, phone) = (s[0], s[1], s[2], s[3], s[4]);
        var nmls = draw.Next(1_000, 500_000).ToString(Inv);
        var last4 = draw.Last4();
        var fullLoan = draw.Next(100_000, 1_000_000).ToString(Inv) + last4;
        var maskStyle = draw.Next(3);
        var masked = maskStyle switch { 0 => "******" + last4, 1 => "XXXXXX" + last4, _ => "***-***-" + last4 };
        var name = draw.Pick(Names);
        var coName = draw.Pick(CoNames);
        var street = draw.Pick(Streets);
        var cityLine = draw.Pick(Cities) + (draw.OneIn(2) ? "-" + draw.Next(1000, 10_000).ToString(Inv) : "");
        var runTogether = draw.Next(3) != 0;

        var statementDate = asOf.AddDays(-draw.Next(3, 11));
        var dueDate = new DateOnly(statementDate.Year, statementDate.Month, 1).AddMonths(1);
        var prevDue = dueDate.AddMonths(-1);
        var periodStart = statementDate.AddMonths(-1).AddDays(1);
        var rate = 0.125m * draw.Next(20, 64);
        var arm = draw.OneIn(4);
        var armUntil = dueDate.AddMonths(draw.Next(6, 60));
        var remaining = draw.Next(120, 350);
        var prevBal = draw.Amount(55_000m, 720_000m);
        var pi = Payment(prevBal, rate, remaining + 1);
        var lastInterest = Math.Round(prevBal * rate / 1200m, 2);
        var lastPrin = pi - lastInterest;
        var principal = prevBal - lastPrin;
        var nextInterest = Math.Round(principal * rate / 1200m, 2);
        var nextPrin = pi - nextInterest;
        var escrowMonthly = draw.Amount(140m, 1_150m);
        var mi = draw.OneIn(4) ? draw.Amount(45m, 260m) : 0m;
        var regular = pi + escrowMonthly + mi;
        var lateFee = draw.OneIn(2) ? Math.Round(pi * 0.05m, 2) : decimal.Parse(draw.Pick("50.00", "75.00", "35.00"), Inv);
        var feesDue = draw.OneIn(5) && statementDate >= prevDue.AddDays(20) ? lateFee : 0m;
        var totalDue = regular + feesDue;
        var paidLate = feesDue > 0;
        var lastPayDate = paidLate ? prevDue.AddDays(draw.Next(16, 25)) : prevDue.AddDays(draw.Next(-6, 9));
        if (lastPayDate > statementDate.AddDays(-1))
        {
            lastPayDate = statementDate.AddDays(-2);
        }

        var shortage = draw.OneIn(4);
        decimal escrowBal, disb;
        string disbLabel = draw.Pick("COUNTY TAX DISBURSEMENT", "HAZARD INS DISBURSEMENT", "SCHOOL TAX DISB", "CITY/TOWN TAX DISB", "HOMEOWNERS INS PREMIUM");
        if (shortage)
        {
            escrowBal = -draw.Amount(150m, 3_200m);
            disb = escrowMonthly - escrowBal + draw.Amount(100m, 2_000m);
        }
        else
        {
            escrowBal = draw.Amount(250m, 7_500m);
            disb = draw.OneIn(2) ? draw.Amount(300m, Math.Max(400m, escrowBal + escrowMonthly - 50m)) : 0m;
        }

        var escrowBefore = escrowBal - escrowMonthly + disb;
        var disbDate = periodStart.AddDays(draw.Next(2, 26));
        var ytdMonths = Math.Max(1, statementDate.Month - 1);
        var ytdPrin = (lastPrin * ytdMonths) - (0.37m * (ytdMonths - 1) * ytdMonths);
        var ytdInt = (lastInterest * ytdMonths) + (0.37m * (ytdMonths - 1) * ytdMonths);
        var ytdEsc = escrowMonthly * ytdMonths;
        var ytdMi = mi * ytdMonths;
        var ytdFees = feesDue > 0 ? lateFee : (draw.OneIn(3) ? lateFee : 0m);
        var maturity = dueDate.AddMonths(remaining - 1);
        var pages = draw.Next(3) == 0 ? 4 : 3;
        var moneySign = draw.Next(3) != 0;

        string M(decimal v) => (v < 0 ? "-" : "") + (moneySign ? "$" : "") + Math.Abs(v).ToString("#,##0.00", Inv);
        string Neg(decimal v) => draw.Next(3) switch
        {
            0 => "(" + (moneySign ? "$" : "") + Math.Abs(v).ToString("#,##0.00", Inv) + ")",
            1 => "-" + (moneySign ? "$" : "") + Math.Abs(v).ToString("#,##0.00", Inv),
            _ => "-" + (moneySign ? "$" : "") + Math.Abs(v).ToString("#,##0.00", Inv),
        };
        var dateStyle = draw.Next(2);
        string D(DateOnly d) => dateStyle == 0 ? d.ToString("MM/dd/yyyy", Inv) : d.ToString("MM/dd/yy", Inv);
        string Row(string left, string right, int col = 46) => runTogether
            ? left + new string(' ', 1 + draw.Next(2)) + right
            : left.PadRight(col) + right;
        var escrowShown = escrowBal < 0 ? Neg(escrowBal) : M(escrowBal);

        string Header(int page) => page == 1
            ? ""
            : (draw.OneIn(2)
                ? $"{servicer}\nMortgage Statement {Row("", $"Statement Date: {D(statementDate)}")}\n{Row($"Loan Number: {masked}", name)}\n\n"
                : $"{Row(servicer, $"Loan Number {masked}")}\n{Row($"Statement Date {D(statementDate)}", $"Page {page} of {pages}")}\n\n");
        string Footer(int page) => $"\n\n{Row($"{web} | {phone}", $"Page {page} of {pages}", 60)}\n{servicer} NMLS ID #{nmls}. This is a communication from a debt collector.\n";

        var p1 = new StringBuilder();
        p1.Append(Inv, $"{servicer}\n{Row(box, "Mortgage Statement")}\n{Row(city, $"Statement Date: {D(statementDate)}")}\n");
        p1.Append(Inv, $"{Row("", $"Customer Service: {phone}")}\n{Row("", $"Mon-Fri 8 a.m. - 9 p.m. ET  {web}")}\n\n");
        p1.Append(Inv, $"{Row(name, $"Loan Number {masked}")}\n");
        if (coName.Length > 0)
        {
            p1.Append(Inv, $"{Row(coName, $"Payment Due Date {D(dueDate)}")}\n{Row(street, $"Amount Due {M(totalDue)}")}\n{cityLine}\n");
        }
        else
        {
            p1.Append(Inv, $"{Row(street, $"Payment Due Date {D(dueDate)}")}\n{Row(cityLine, $"Amount Due {M(totalDue)}")}\n");
        }

        p1.Append(Inv, $"\nIf payment is received after {D(dueDate.AddDays(15))}, a {M(lateFee)} late fee will be charged.\n\n");
        var rateLabel = arm ? $"Interest Rate (Until {armUntil.ToString("MM/yyyy", Inv)})" : "Interest Rate";
        var acctRows = new List<(string, string)>
        {
            ("Account Information", "Explanation of Amount Due"),
            ($"Outstanding Principal {M(principal)}", $"Principal {M(nextPrin)}"),
            ($"{rateLabel} {rate.ToString("0.000", Inv)}%", $"Interest {M(nextInterest)}"),
            ($"Escrow Balance {escrowShown}", $"Escrow (for Taxes and Insurance) {M(escrowMonthly)}"),
        };
        if (mi > 0)
        {
            acctRows.Add(($"Prepayment Penalty No", $"Mortgage Insurance {M(mi)}"));
            acctRows.Add(($"Maturity Date {D(maturity)}", $"Regular Monthly Payment {M(regular)}"));
        }
        else
        {
            acctRows.Add(($"Prepayment Penalty No", $"Regular Monthly Payment {M(regular)}"));
            acctRows.Add(($"Maturity Date {D(maturity)}", ""));
        }

        acctRows.Add(($"Property Address {street}", $"Total Fees and Charges {M(feesDue)}"));
        acctRows.Add(("", $"Overdue Payment {M(0m)}"));
        acctRows.Add(("", $"Total Amount Due {M(totalDue)}"));
        foreach (var (l, r) in acctRows)
        {
            p1.Append(Row(l, r)).Append('\n');
        }

        p1.Append("\nThe Outstanding Principal is not the amount required to pay off your loan. Call us for a payoff quote.\n\n");
        p1.Append(Row("Past Payments Breakdown", "Paid Last Month   Paid Year to Date")).Append('\n');
        var paidLastFees = paidLate ? 0m : 0m;
        var pastRows = new List<(string, decimal, decimal)>
        {
            ("Principal", lastPrin, ytdPrin),
            ("Interest", lastInterest, ytdInt),
            ("Escrow (Taxes and Insurance)", escrowMonthly, ytdEsc),
        };
        if (mi > 0)
        {
            pastRows.Add(("Mortgage Insurance", mi, ytdMi));
        }

        pastRows.Add(("Fees", paidLastFees, ytdFees));
        pastRows.Add(("Partial Payment (Unapplied)*", 0m, 0m));
        pastRows.Add(("Total", lastPrin + lastInterest + escrowMonthly + mi + paidLastFees, ytdPrin + ytdInt + ytdEsc + ytdMi + ytdFees));
        foreach (var (l, a, b) in pastRows)
        {
            p1.Append(runTogether ? $"{l} {M(a)} {M(b)}" : $"{l.PadRight(34)}{M(a),16}{M(b),20}").Append('\n');
        }

        p1.Append("*Partial payments are not applied to your mortgage but held in a separate suspense account.\n");

        // Page 2: transaction activity.
        var p2 = new StringBuilder();
        p2.Append(Inv, $"Transaction Activity ({D(periodStart)} to {D(statementDate)})\n");
        var detailed = draw.OneIn(2);
        p2.Append(detailed
            ? (runTogether ? "Date Description Total Principal Interest Escrow Fees Unapplied\n" : "Date        Description                    Total     Principal    Interest    Escrow     Fees  Unapplied\n")
            : (runTogether ? "Date Description Charges Payments\n" : "Date        Description                                  Charges        Payments\n"));
        var rows = new List<(DateOnly Date, string Line)>();
        var pay = lastPrin + lastInterest + escrowMonthly + mi;
        var payDesc = draw.Pick("PAYMENT RECEIVED - THANK YOU", "Payment", "REGULAR PAYMENT", "ONLINE PAYMENT");
        if (lastPayDate >= periodStart)
        {
            rows.Add((lastPayDate, detailed
                ? Cols(runTogether, D(lastPayDate), payDesc, M(pay), M(lastPrin), M(lastInterest), M(escrowMonthly + mi), M(0m), M(0m))
                : Cols(runTogether, D(lastPayDate), payDesc, "", M(pay))));
        }

        if (mi > 0 && lastPayDate >= periodStart)
        {
            rows.Add((lastPayDate.AddDays(1), detailed
                ? Cols(runTogether, D(lastPayDate.AddDays(1)), "MORTGAGE INS DISB", "-" + M(mi), "", "", "-" + M(mi), "", "")
                : Cols(runTogether, D(lastPayDate.AddDays(1)), "PMI premium paid from escrow", M(mi), "")));
        }

        if (paidLate)
        {
            var feeDate = prevDue.AddDays(16);
            rows.Add((feeDate, detailed
                ? Cols(runTogether, D(feeDate), "LATE CHARGE ASSESSED", M(lateFee), "", "", "", M(lateFee), "")
                : Cols(runTogether, D(feeDate), "Late Charge", M(lateFee), "")));
        }

        if (disb > 0)
        {
            rows.Add((disbDate, detailed
                ? Cols(runTogether, D(disbDate), disbLabel, "-" + M(disb), "", "", "-" + M(disb), "", "")
                : Cols(runTogether, D(disbDate), disbLabel, M(disb), "")));
        }

        if (draw.OneIn(3))
        {
            var insp = periodStart.AddDays(draw.Next(1, 25));
            rows.Add((insp, detailed
                ? Cols(runTogether, D(insp), "ESCROW ANALYSIS LETTER MAILED", M(0m), "", "", "", "", "")
                : Cols(runTogether, D(insp), "Escrow analysis mailed", "", "")));
        }

        foreach (var r in rows.OrderBy(r => r.Date))
        {
            p2.Append(r.Line).Append('\n');
        }

        p2.Append("\nImportant Messages\n");
        p2.Append(draw.Pick(
            "Partial Payments: Any partial payments that you make are not applied to your mortgage, but instead are held in a separate suspense account. If you pay the balance of a partial payment, the funds will then be applied to your mortgage.\n",
            $"Go paperless! Enroll at {web} to receive statements online.\n",
            "Automatic payments are drafted on the due date unless a different draft date was selected.\n"));
        if (arm)
        {
            p2.Append(Inv, $"Your interest rate may change on {D(new DateOnly(armUntil.Year, armUntil.Month, 1))}. You will receive a notice at least 60 days before any change in your payment.\n");
        }

        p2.Append(Inv, $"Housing counselors: For a list of HUD-approved housing counseling agencies call 1-800-569-4287 or visit www.consumerfinance.gov/mortgagehelp.\n");

        // Page 3: escrow.
        var p3 = new StringBuilder();
        var startBal = escrowBal - escrowMonthly + disb;
        p3.Append("Escrow Account Activity\n");
        p3.Append(runTogether ? "Description Amount Balance\n" : "Description                              Amount         Balance\n");
        p3.Append(Cols(runTogether, "Beginning Escrow Balance", "", M(startBal))).Append('\n');
        p3.Append(Cols(runTogether, "Escrow Deposit (from payment)", M(escrowMonthly + mi), M(startBal + escrowMonthly + mi))).Append('\n');
        if (mi > 0)
        {
            p3.Append(Cols(runTogether, "Mortgage Insurance Disbursement", "-" + M(mi), M(startBal + escrowMonthly))).Append('\n');
        }

        if (disb > 0)
        {
            p3.Append(Cols(runTogether, Title(disbLabel), "-" + M(disb), escrowShown)).Append('\n');
        }

        p3.Append(Cols(runTogether, "Ending Escrow Balance", "", escrowShown)).Append('\n');
        if (shortage)
        {
            p3.Append(Inv, $"\nYour escrow account has a negative balance of {M(-escrowBal)} because we advanced funds to pay your {(disbLabel.Contains("INS", StringComparison.Ordinal) ? "insurance premium" : "property taxes")}. ");
            p3.Append("We will review your escrow account and send you an escrow account disclosure statement showing any change to your monthly payment.\n");
        }
        else
        {
            p3.Append(Inv, $"\nYour next escrow analysis is scheduled for {D(dueDate.AddMonths(draw.Next(1, 8)))}. Escrow payments are used to pay property taxes and homeowner's insurance on your behalf.\n");
        }

        p3.Append("\nIf you are experiencing financial difficulty, please call us at " + phone + " to discuss options that may be available.\n");
        p3.Append("\n- - - - - - - - - - - - - - - - Please detach and return this portion with your payment - - - - - - - - - - - - - - - -\n");
        p3.Append(Inv, $"{servicer}\n{Row($"Loan Number {masked}", $"Payment Due Date {D(dueDate)}")}\n{Row(name, $"Amount Due {M(totalDue)}")}\n");
        p3.Append(Inv, $"{Row("", $"If received after {D(dueDate.AddDays(15))}, pay {M(totalDue + lateFee)}")}\n");
        p3.Append("Additional Principal $__________  Additional Escrow $__________  Total Amount Enclosed $__________\n");
        p3.Append(Inv, $"Make checks payable to {servicer}\n{box}\n{city}\n");
        p3.Append(Inv, $"\n{fullLoan} {((long)(totalDue * 100)).ToString("D10", Inv)} {((long)((totalDue + lateFee) * 100)).ToString("D10", Inv)} {draw.Next(10).ToString(Inv)}\n");

        var p4 = new StringBuilder();
        p4.Append("Important Notices\n");
        p4.Append("Bankruptcy: If you are a debtor in bankruptcy or have received a discharge, this statement is for informational purposes only and is not an attempt to collect a debt.\n");
        p4.Append(Inv, $"Credit Reporting: We may report information about your account to credit bureaus. Late payments, missed payments, or other defaults may be reflected in your credit report.\n");
        p4.Append(Inv, $"Error Resolution / Information Requests: Send written notices to {servicer}, Attn: Customer Correspondence, {box}, {city}.\n");
        p4.Append(Inv, $"Si necesita ayuda en espanol, llame al {phone}.\n");

        var pageTexts = new List<string> { p1.ToString(), p2.ToString(), p3.ToString() };
        if (pages == 4)
        {
            pageTexts.Add(p4.ToString());
        }

        var separator = draw.Pick("\f", "\n\n", "\n\f\n");
        var doc = new StringBuilder();
        for (var i = 0; i < pageTexts.Count; i++)
        {
            if (i > 0)
            {
                doc.Append(separator);
            }

            doc.Append(Header(i + 1)).Append(pageTexts[i].TrimEnd()).Append(Footer(i + 1));
        }

        var fields = new ExtractedFields
        {
            PrincipalBalance = principal,
            EscrowBalance = escrowBal,
            NextPaymentAmount = regular,
            NextPaymentDueDate = dueDate,
            InterestRatePct = rate,
            AccountLast4 = last4,
        };
        return new SyntheticDocument(LiabilityType.Mortgage, SourceKind.Statement, servicer, doc.ToString(), fields);
    }

    private static string Cols(bool runTogether, params string[] cells)
    {
        if (runTogether)
        {
            return string.Join(' ', cells.Where(c => c.Length > 0));
        }

        var widths = cells.Length switch
        {
            3 => new[] { 40, 14, 16 },
            4 => new[] { 12, 44, 14, 16 },
            _ => new[] { 12, 28, 12, 12, 12, 11, 8, 10 },
        };
        var sb = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            sb.Append(i == 0 || (i == 1 && cells.Length > 3) ? cells[i].PadRight(widths[i]) : cells[i].PadLeft(widths[i]));
        }

        return sb.ToString().TrimEnd();
    }

    private static string Title(string upper) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(upper.ToLowerInvariant()).Replace("Ins ", "Ins. ", StringComparison.Ordinal).Replace("Disb", "Disbursement", StringComparison.Ordinal).Replace("Disbursementursement", "Disbursement", StringComparison.Ordinal);

    private static decimal Payment(decimal principal, decimal rate, int months)
    {
        var r = (double)rate / 1200d;
        return Math.Round((decimal)((double)principal * r / (1 - Math.Pow(1 + r, -months))), 2);
    }
}
