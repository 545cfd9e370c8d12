using System.Globalization;
using System.Text;
using Extraction.Core.Contracts;

namespace Extraction.Tooling.Generation.Families.Blind5;

/// <summary>A capture of a servicer's 80-column mainframe inquiry screen for a mortgage or auto loan: uppercase field codes, packed dates, trailing-minus negatives and a function-key legend.</summary>
internal static class ServicerGreenScreen
{
    public static DocumentFamily Family { get; } = new("servicer-green-screen", FamilySet.HeldOut, 10,
        "80-column servicer mainframe inquiry screen (mortgage or auto): field codes, MMDDYY dates, trailing-minus negatives, PF-key legend", Write);

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly string[] MortgageServicers = ["CORNERSTONE HLS|Cornerstone Home Loan Servicing", "BAYFRONT MTG CO|Bayfront Mortgage Company", "LAKEMONT MTG SVCS|Lakemont Mortgage Services", "TIDEWATER LN SVC|Tidewater Loan Servicing", "HERITAGE PLNS BK|Heritage Plains Bank"];

    private static readonly string[] AutoServicers = ["KEYSTONE MOTOR ACCEPT|Keystone Motor Acceptance", "CARDINAL VEH FIN|Cardinal Vehicle Finance", "SUMMIT RIDGE AUTO|Summit Ridge Auto Finance", "NORTHPOINT AUTO FIN|NorthPoint Auto Finance", "PRAIRIE ST AUTO LNDG|Prairie State Auto Lending"];

    private static readonly string[] Borrowers = ["HENDERSON, JOHN Q", "ALVAREZ, MARIA L", "KOWALSKI, ROBERT J", "OKAFOR, LINDA M", "NGUYEN, DAVID", "SULLIVAN, PATRICIA", "BROOKS, KEVIN R", "WASHINGTON, AISHA", "DELGADO, CARLOS", "FISCHER, MEGAN E"];

    private static readonly string[] Vehicles = ["2021 TOYOTA RAV4 XLE", "2019 HONDA ACCORD EX", "2018 FORD F150 XLT", "2020 CHEV EQUINOX LT", "2022 HYUN TUCSON SEL", "2017 NISS ALTIMA S", "2021 JEEP GR CHER LTD", "2020 SUBA OUTBACK"];

    private static readonly string[] Remarks =
    [
        "BWR CALLED RE PAYOFF - ADVISED OF PER DIEM", "AUTO DRAFT SET UP EFF NEXT DUE", "CUST REQ COPY OF STMT - MAILED", "HAZ INS DEC PAGE RCVD - UPDATED",
        "PMT TAKEN BY PHONE CONF#", "ESC ANALYSIS SENT", "BWR ASKED ABT LATE FEE - WAIVED 1X", "3RD PTY AUTH ON FILE", "TAX BILL RCVD - SENT TO ESC",
    ];

    private static readonly string[] AutoRemarks =
    [
        "CUST REQ PAYOFF - QUOTED ORAL", "AUTO DRAFT SET UP EFF NEXT DUE", "PMT TAKEN BY PHONE CONF#", "INS VERIF RCVD - UPDATED", "TITLE REQ FROM DLR",
        "BWR ASKED ABT LATE FEE - WAIVED 1X", "3RD PTY AUTH ON FILE", "DUE DATE CHG REQ - DENIED",
    ];

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf) =>
        draw.Next(2) == 0 ? Mortgage(draw, asOf) : Auto(draw, asOf);

    private static SyntheticDocument Mortgage(Draw draw, DateOnly asOf)
    {
        var sv = draw.Pick(MortgageServicers).Split('|');
        var last4 = draw.Last4();
        var loan = "00" + draw.Next(10_000, 99_999).ToString(Inv) + draw.Next(0, 10).ToString(Inv) + last4;
        var captured = asOf.AddDays(-draw.Next(0, 3));
        var time = new TimeOnly(draw.Next(7, 19), draw.Next(60), draw.Next(60));
        var ds = draw.Next(3);
        var commas = draw.Next(3) != 0;
        var rate = 0.125m * draw.Next(20, 64);
        var origBal = 1_000m * draw.Next(80, 760);
        var origDate = new DateOnly(captured.Year - draw.Next(1, 12), draw.Next(1, 13), 1);
        var fifteen = draw.OneIn(5);
        var maturity = origDate.AddYears(fifteen ? 15 : 30);
        var nextDue = new DateOnly(captured.Year, captured.Month, 1).AddMonths(captured.Day > 16 || draw.OneIn(2) ? 1 : 0);
        var delinquent = draw.OneIn(6);
        if (delinquent)
        {
            nextDue = nextDue.AddMonths(-1);
        }

        var paidThru = nextDue.AddMonths(-1);
        var firstDue = origDate.AddMonths(1);
        var monthsPaid = Math.Max(1, ((nextDue.Year - firstDue.Year) * 12) + nextDue.Month - firstDue.Month);
        var pi = Payment(origBal, rate, maturity == origDate.AddYears(15) ? 180 : 360);
        var principal = Balance(origBal, rate, pi, Math.Min(monthsPaid, 359));
        var escPmt = draw.Amount(120m, 1_200m);
        var miPmt = draw.OneIn(4) ? draw.Amount(40m, 240m) : 0m;
        var total = pi + escPmt + miPmt;
        var escBal = draw.OneIn(4) ? -draw.Amount(95m, 3_400m) : draw.Amount(0m, 6_800m);
        var lateChg = Math.Round(pi * 0.04m, 2);
        var lastPmtDate = paidThru.AddDays(draw.Next(-8, 14));
        if (lastPmtDate > captured)
        {
            lastPmtDate = captured.AddDays(-1);
        }

        var ytdInt = Math.Round(principal * rate / 1200m * Math.Max(1, captured.Month - 1), 2);
        var ytdTax = draw.OneIn(2) ? draw.Amount(900m, 7_000m) : 0m;
        var showPayoff = draw.OneIn(3);
        var good = captured.AddDays(draw.Next(10, 31));
        var perDiem = Math.Round(principal * rate / 36_500m, 2);
        var interestDays = good.DayNumber - paidThru.DayNumber;
        var payoffInterest = Math.Round(perDiem * interestDays, 2);
        var recording = draw.Pick("0.00", "30.00", "45.00", "125.00");
        var recordingFee = decimal.Parse(recording, Inv);
        var payoff = principal + payoffInterest + recordingFee + (escBal < 0 ? -escBal : 0m) + (delinquent ? lateChg : 0m);

        string D(DateOnly d) => ds switch { 0 => d.ToString("MMddyy", Inv), 1 => d.ToString("MM/dd/yy", Inv), _ => d.ToString("MM-dd-yy", Inv) };
        string A(decimal v) => Math.Abs(v).ToString(commas ? "#,##0.00" : "0.00", Inv) + (v < 0 ? "-" : "");
        var rateText = draw.Next(5) switch
        {
            0 => (rate / 100m).ToString("0.00000", Inv)[1..],
            1 => rate.ToString("00.0000", Inv),
            2 => rate.ToString("0.000", Inv),
            _ => rate.ToString("0.00000", Inv),
        };
        var escAdv = escBal < 0 ? -escBal : 0m;

        var lines = new List<string>();
        var layout = draw.Next(2);
        var emulator = draw.OneIn(3);
        if (emulator)
        {
            lines.Add($"Session A - [24 x 80]   {draw.Pick("3270", "TN3270", "IBM PCOMM")}   Host: {draw.Pick("MSPPROD", "LSPROD01", "CICSP1")}");
        }

        if (layout == 0)
        {
            lines.Add(Fit($"{draw.Pick("L012", "P309", "S100", "LN01")}  {sv[0],-20} LOAN SUMMARY INQUIRY", $"{captured.ToString("MM/dd/yy", Inv)} {time.ToString("HH:mm:ss", Inv)}"));
            lines.Add(Fit($"LOAN {loan}  {draw.Pick(Borrowers),-24}", $"INV {draw.Pick("4A1", "FN2", "GN1", "PVT")}/{draw.Next(1, 999).ToString("D3", Inv)}  CAT {draw.Next(10, 99).ToString(Inv)}  BR {draw.Next(1, 40).ToString("D2", Inv)}"));
            lines.Add(Fit($"PROP {draw.Next(10, 9999).ToString(Inv)} {draw.Pick("ELM ST", "MAPLE AVE", "HARBOR VIEW RD", "QUAIL RUN CT", "W 43RD ST")}   {draw.Pick("SPRINGFIELD IL", "MESA AZ", "CARY NC", "AURORA CO", "TACOMA WA")}", $"TYPE {draw.Pick("CONV", "FHA", "VA", "CONV")}  OCC 1"));
            lines.Add(new string('-', 80));
            lines.Add(Row(("PRIN BAL", A(principal)), ("INT RT", rateText), ("NXT DUE", D(nextDue))));
            lines.Add(Row(("ORIG BAL", A(origBal)), ("ORIG DT", D(origDate)), ("PD-THRU", D(paidThru))));
            lines.Add(Row(("P&I PMT", A(pi)), ("ESC PMT", A(escPmt)), ("MI PMT", A(miPmt))));
            lines.Add(Row(("TOT PMT", A(total)), ("LATE CHG", A(lateChg)), ("GRACE DYS", "15")));
            lines.Add(Row(("ESC BAL", A(escBal)), ("ESC ADV", A(escAdv)), ("UNAPP FND", A(0m))));
            lines.Add(Row(("SUSP BAL", A(0m)), ("CORP ADV", A(draw.OneIn(5) ? draw.Amount(15m, 120m) : 0m)), ("ACCR LC", A(delinquent ? lateChg : 0m))));
            lines.Add(Row(("YTD INT", A(ytdInt)), ("YTD TAX", A(ytdTax)), ("MAT DT", D(maturity))));
            lines.Add(Row(("LST PMT DT", D(lastPmtDate)), ("LST PMT", A(total)), ("DELQ", delinquent ? "1/0/0" : "0/0/0")));
        }
        else
        {
            lines.Add(Fit($"{sv[0]}", $"MORTGAGE INQUIRY   SCR {draw.Pick("MI01", "INQ2", "P190")}   {D(captured)}"));
            lines.Add(Fit($"LN NO: {loan}", $"STATUS: {(delinquent ? "DELQ 30" : "CURRENT")}   {time.ToString("HH.mm.ss", Inv)}"));
            lines.Add(Fit($"MTGR : {draw.Pick(Borrowers)}", $"PROD: {(fifteen ? "15YR FXD" : draw.Pick("30YR FXD", "30YR FXD", "7/1 ARM"))}"));
            lines.Add("");
            lines.Add(Row(("NXT DUE", D(nextDue)), ("PRIN BAL", A(principal)), ("INT RT", rateText)));
            lines.Add(Row(("PD-THRU", D(paidThru)), ("ESC BAL", A(escBal)), ("P&I", A(pi))));
            lines.Add(Row(("LST PD", D(lastPmtDate)), ("ESC SHRT", A(escBal < 0 ? -escBal : 0m)), ("T&I", A(escPmt))));
            lines.Add(Row(("ORIG DT", D(origDate)), ("ORIG AMT", A(origBal)), ("PMI", A(miPmt))));
            lines.Add(Row(("MAT DT", D(maturity)), ("SUSP", A(0m)), ("TOT PMT", A(total))));
            lines.Add(Row(("GRACE", "15 DAYS"), ("LC AMT", A(lateChg)), ("NSF CNT", "0")));
            lines.Add(Row(("HUD CNSLG", "N"), ("YTD INT PD", A(ytdInt)), ("BK FLAG", "N")));
        }

        if (showPayoff)
        {
            lines.Add(new string('-', 80));
            lines.Add(Fit($" PAYOFF QUOTE   GOOD THRU {D(good)}   TOTAL PAYOFF {A(payoff)}", $"PER DIEM {A(perDiem)}"));
            lines.Add(Fit($" INT TO GOOD THRU {A(payoffInterest)}  RECORDING {A(recordingFee)}{(escBal < 0 ? $"  ESC ADV {A(-escBal)}" : "")}{(delinquent ? $"  LATE CHGS {A(lateChg)}" : "")}", ""));
        }

        lines.Add(new string('-', 80));
        var remark = draw.Pick(Remarks);
        if (remark.EndsWith('#'))
        {
            remark += draw.Next(100_000, 999_999).ToString(Inv);
        }

        lines.Add(Fit($" RMKS: {D(captured.AddDays(-draw.Next(1, 20)))} {remark}", $"OPR: {draw.Pick("JKM", "A12", "TRB", "LSW", "094")}"));
        while (lines.Count < (emulator ? 22 : 21))
        {
            lines.Add("");
        }

        lines.Add(draw.Pick(
            "PF1=HELP PF3=EXIT PF5=HIST PF7=BKWD PF8=FWD PF10=PAYOFF PF12=MENU ENTER=REFRESH",
            "F1=HELP  F3=EXIT  F4=PROMPT  F6=ESCROW  F7=BACK  F8=FWD  F10=PAYOFF  F12=CANCEL",
            "PF1 HELP  PF2 NOTES  PF3 END  PF6 ESCR  PF9 PMTHIST  PF11 PAYOFF  CLEAR=MENU"));
        lines.Add(draw.Pick("TRANSACTION COMPLETE", "ENTER NEXT FUNCTION", "MORE...", "INQUIRY ONLY - NO UPDATE ALLOWED"));
        if (emulator)
        {
            lines.Add($"MA     a                                                          {draw.Next(1, 25).ToString("D2", Inv)}/{draw.Next(1, 81).ToString("D3", Inv)}");
        }

        var fields = new ExtractedFields
        {
            PrincipalBalance = principal,
            EscrowBalance = escBal,
            NextPaymentAmount = total,
            NextPaymentDueDate = nextDue,
            InterestRatePct = rate,
            AccountLast4 = last4,
            PayoffAmount = showPayoff ? payoff : null,
            PayoffGoodThrough = showPayoff ? good : null,
            PerDiem = showPayoff ? perDiem : null,
        };
        return new SyntheticDocument(LiabilityType.Mortgage, draw.Next(3) == 0 ? SourceKind.PortalPage : SourceKind.Other, sv[1], Join(lines), fields);
    }

    private static SyntheticDocument Auto(Draw draw, DateOnly asOf)
    {
        var sv = draw.Pick(AutoServicers).Split('|');
        var last4 = draw.Last4();
        var acct = draw.Pick("700", "810", "455", "12") + draw.Next(1000, 9999).ToString(Inv) + last4;
        var captured = asOf.AddDays(-draw.Next(0, 3));
        var ds = draw.Next(3);
        var commas = draw.OneIn(2);
        var apr = Math.Round(draw.Rate(2.9m, 21.9m), 2);
        var term = int.Parse(draw.Pick("48", "60", "66", "72", "72", "75", "84"), Inv);
        var amtFin = 100m * draw.Next(80, 600);
        var pmt = Payment(amtFin, apr, term);
        var dueDay = draw.Next(1, 29);
        var nextDue = new DateOnly(captured.Year, captured.Month, dueDay);
        if (nextDue <= captured)
        {
            nextDue = nextDue.AddMonths(1);
        }

        var paid = draw.Next(4, term - 3);
        var firstDue = nextDue.AddMonths(-paid);
        var contract = firstDue.AddDays(-30);
        var principal = Balance(amtFin, apr, pmt, paid);
        var paidThru = nextDue.AddMonths(-1);
        var lastPmtDate = paidThru.AddDays(draw.Next(-5, 4));
        if (lastPmtDate >= captured)
        {
            lastPmtDate = captured.AddDays(-1);
        }

        var perDiem = Math.Round(principal * apr / 36_500m, 2);
        var accr = Math.Round(perDiem * (captured.DayNumber - lastPmtDate.DayNumber), 2);
        var showPayoff = draw.Next(3) != 0;
        var good = captured.AddDays(int.Parse(draw.Pick("10", "10", "15", "20", "7"), Inv));
        var payoff = principal + Math.Round(perDiem * (good.DayNumber - lastPmtDate.DayNumber), 2);
        var maturity = firstDue.AddMonths(term - 1);
        var intYtd = Math.Round(principal * apr / 1200m * Math.Max(1, captured.Month - 1), 2);

        string D(DateOnly d) => ds switch { 0 => d.ToString("MMddyy", Inv), 1 => d.ToString("MM/dd/yy", Inv), _ => d.ToString("MM-dd-yy", Inv) };
        string A(decimal v) => Math.Abs(v).ToString(commas ? "#,##0.00" : "0.00", Inv) + (v < 0 ? "-" : "");
        var aprText = draw.OneIn(2) ? apr.ToString("0.000", Inv) : apr.ToString("00.00", Inv);

        var lines = new List<string>();
        lines.Add(Fit($"{draw.Pick("ALS1", "CIS2", "AQ01")}  {sv[0],-22} ACCOUNT INQUIRY", $"PAGE 01   {D(captured)}"));
        lines.Add(Fit($"ACCT {acct}  STAT A  BWR {draw.Pick(Borrowers),-22}", "CO-BWR NONE"));
        lines.Add(Fit($"COLL {draw.Pick(Vehicles)}   VIN {Vin(draw)}", $"DLR {draw.Next(1000, 99_999).ToString("D5", Inv)}"));
        lines.Add(new string('-', 80));
        lines.Add(Row(("PRIN BAL", A(principal)), ("APR", aprText), ("CONTR DT", D(contract))));
        lines.Add(Row(("PMT AMT", A(pmt)), ("TERM", term.ToString(Inv)), ("1ST DUE", D(firstDue))));
        lines.Add(Row(("NXT DUE", D(nextDue)), ("PMTS MADE", paid.ToString(Inv)), ("MAT DT", D(maturity))));
        lines.Add(Row(("PD-THRU", D(paidThru)), ("DAYS PD", "0"), ("LATE CHG BAL", A(0m))));
        lines.Add(Row(("LST PMT AMT", A(pmt)), ("LST PMT DT", D(lastPmtDate)), ("INT PD YTD", A(intYtd))));
        lines.Add(Row(("ACCR INT", A(accr)), ("PER DIEM", A(perDiem)), ("NSF CNT", "0")));
        lines.Add(Row(("AMT FIN", A(amtFin)), ("INS RFND", A(draw.OneIn(6) ? -draw.Amount(50m, 600m) : 0m)), ("EXT CNT", draw.Next(0, 3).ToString(Inv))));
        if (showPayoff)
        {
            lines.Add(Fit($" PAYOFF AMT   {A(payoff),14}   PO GOOD THRU {D(good)}", "   PF4=PRINT LTR"));
        }

        lines.Add(new string('-', 80));
        var memo = draw.Pick(AutoRemarks);
        if (memo.EndsWith('#'))
        {
            memo += draw.Next(100_000, 999_999).ToString(Inv);
        }

        lines.Add(Fit($" MEMO: {D(captured.AddDays(-draw.Next(1, 25)))} {memo}{(draw.OneIn(2) ? "" : " CB " + Phone(draw))}", $"OPR {draw.Next(100, 999).ToString(Inv)}"));
        while (lines.Count < 21)
        {
            lines.Add("");
        }

        lines.Add(draw.Pick(
            "PF1 HELP  PF2 PMTHIST  PF3 RETURN  PF4 PAYOFF  PF7 UP  PF8 DOWN  PF12 SIGNOFF",
            "F1=HELP F2=HIST F3=EXIT F4=PAYOFF F5=COLL NOTES F7=BKWD F8=FWD F12=CANCEL",
            "PF3=END PF5=NOTES PF6=PROMISE PF9=PAYOFF PF10=EXTNSN PF11=TITLE PF12=MENU"));
        lines.Add(draw.Pick("ACCOUNT DISPLAYED", "NEXT FUNCTION ==>", "INQUIRY COMPLETE"));

        var fields = new ExtractedFields
        {
            PrincipalBalance = principal,
            NextPaymentAmount = pmt,
            NextPaymentDueDate = nextDue,
            InterestRatePct = apr,
            PerDiem = perDiem,
            PayoffAmount = showPayoff ? payoff : null,
            PayoffGoodThrough = showPayoff ? good : null,
            AccountLast4 = last4,
        };
        return new SyntheticDocument(LiabilityType.AutoLoan, draw.Next(3) == 0 ? SourceKind.PortalPage : SourceKind.Other, sv[1], Join(lines), fields);
    }

    private static string Fit(string left, string right)
    {
        var space = Math.Max(1, 80 - left.Length - right.Length);
        var line = left + new string(' ', space) + right;
        return line.Length > 80 ? line[..80].TrimEnd() : line.TrimEnd();
    }

    private static string Row((string Label, string Value) a, (string Label, string Value) b, (string Label, string Value) c)
    {
        static string Cell((string Label, string Value) x) => " " + x.Label.PadRight(12) + x.Value.PadLeft(12) + " ";
        return (Cell(a) + Cell(b) + Cell(c)).TrimEnd();
    }

    private static string Join(List<string> lines) => string.Join('\n', lines) + "\n";

    private static decimal Payment(decimal principal, decimal rate, int months)
    {
        var r = (double)rate / 1200d;
        return Math.Round((decimal)((double)principal * r / (1 - Math.Pow(1 + r, -months))), 2);
    }

    private static decimal Balance(decimal original, decimal rate, decimal payment, int paymentsMade)
    {
        var balance = original;
        for (var i = 0; i < paymentsMade && balance > 0; i++)
        {
            balance -= payment - Math.Round(balance * rate / 1200m, 2);
        }

        return Math.Max(balance, Math.Round(payment * 3m, 2));
    }

    private static string Vin(Draw draw)
    {
        const string chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
        var sb = new StringBuilder();
        for (var i = 0; i < 11; i++)
        {
            sb.Append(chars[draw.Next(chars.Length)]);
        }

        return sb.Append(draw.Next(100_000, 1_000_000).ToString(Inv)).ToString();
    }

    private static string Phone(Draw draw) => $"{draw.Next(201, 990).ToString(Inv)}5550{draw.Next(100, 200).ToString(Inv)}";
}
