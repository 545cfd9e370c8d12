using System.Globalization;
using System.Text;
using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.Blind4.Blind4Draws;
using static Extraction.Tooling.Generation.Kit.Formatting;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.Blind4;

internal static class CreditUnionSuffixStatement
{
    public static DocumentFamily Family { get; } = new("credit-union-suffix-statement", FamilySet.HeldOut, 10, "A credit union's combined member statement: share, draft and loan suffixes, each with its own account number, dividends and a loan section.", Write);

    /// <summary>The last fours of one member's accounts: each different, so only the loan's can be the answer.</summary>
    private sealed class LastFours(Draw draw)
    {
        private readonly HashSet<string> _used = [];

        public string Unique()
        {
            string s;
            do
            {
                s = draw.Last4();
            }
            while (!_used.Add(s));
            return s;
        }
    }

    /// <summary>The member, the period and the accounts: savings (S00), checking (S10) and the loan the answer is about.</summary>
    private sealed record Statement(
        string CreditUnion, bool Secured, string LoanLast4, string ShareLast4, string DraftLast4, string Member, DateOnly PeriodStart, DateOnly PeriodEnd,
        Loan Loan, string DividendRate, decimal Share, decimal Draft, bool TwoYear)
    {
        public decimal Dividend => Math.Round(Share * decimal.Parse(DividendRate, Inv) / 1200m, 2);

        public string Dt(DateOnly d) => d.ToString(TwoYear ? "MM/dd/yy" : "MM/dd/yyyy", Inv);
    }

    /// <summary>The loan this month: the balance before the payment, the payment's split, the balance after.</summary>
    private sealed record Loan(string Suffix, string Name, decimal Original, decimal Rate, int Term, decimal Payment, int Made, DateOnly PaidOn)
    {
        public decimal Before => Remaining(Original, Rate, Payment, Made - 1);

        public decimal Interest => Math.Round(Before * Rate / 1200m, 2);

        public decimal PrincipalPart => Payment - Interest;

        public decimal Ending => Before - PrincipalPart;

        public DateOnly NextDue => PaidOn.AddMonths(1);
    }

    /// <summary>A second loan of the member's, drawn on every statement and shown on one in three.</summary>
    private sealed record OtherLoan(bool Shown, string Suffix, string Name, string Last4, decimal Rate, decimal Payment, decimal Balance, DateOnly Due);

    private sealed record Labels(string Rate, string Due, string Amount);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var numbers = new LastFours(draw);
        var s = DrawStatement(draw, numbers, asOf);
        var other = DrawOtherLoan(draw, numbers, s);
        var summary = Summary(draw, s, other);
        var labels = new Labels(
            draw.Pick("ANNUAL PERCENTAGE RATE", "APR", "INTEREST RATE"),
            draw.Pick("NEXT PAYMENT DUE", "PAYMENT DUE DATE", "NEXT DUE DATE"),
            draw.Pick("PAYMENT AMOUNT", "REGULAR PAYMENT", "NEXT PAYMENT AMOUNT"));
        var loan = LoanSection(draw, s, labels);
        var otherSection = other.Shown ? OtherLoanSection(s, other, labels) : "";
        var dividends = Dividends(draw, s);
        var shareSection = ShareSection(draw, s);
        var header = Header(draw, s, other.Shown);
        var body = draw.OneIn(2)
            ? new[] { header, summary, shareSection, loan, otherSection, dividends }
            : [header, summary, dividends, shareSection, otherSection, loan];
        var text = string.Join("\n\n", body.Where(b => b.Trim().Length > 0));

        return new(s.Secured ? LiabilityType.PersonalLoan : LiabilityType.AutoLoan, SourceKind.Statement, s.CreditUnion, text, new ExtractedFields
        {
            PrincipalBalance = s.Loan.Ending,
            NextPaymentAmount = s.Loan.Payment,
            NextPaymentDueDate = s.Loan.NextDue,
            InterestRatePct = s.Loan.Rate,
            AccountLast4 = s.LoanLast4,
        });
    }

    private static Statement DrawStatement(Draw draw, LastFours numbers, DateOnly asOf)
    {
        var cu = draw.Pick(
            "Pine River Federal Credit Union", "Tri-Valley Schools Credit Union", "Heartland Community FCU", "Ironworkers Local 12 Credit Union",
            "Blue Mesa Credit Union", "Great Lakes Members Credit Union", "Coastal Bend Teachers FCU", "St. Anne's Parish Credit Union");
        var secured = draw.OneIn(3);
        var (loanLast4, shareLast4, draftLast4) = (numbers.Unique(), numbers.Unique(), numbers.Unique());
        var member = numbers.Unique();
        var periodEnd = asOf.AddDays(-draw.Next(0, 6));
        var periodStart = periodEnd.AddMonths(-1).AddDays(1);
        var original = secured ? draw.Amount(1_500m, 15_000m) : draw.Amount(9_000m, 48_000m);
        var rate = secured ? Math.Round(draw.Rate(2.5m, 6.5m), 2) : Math.Round(draw.Rate(3.49m, 14.99m), 2);
        var term = secured ? draw.Pick(12, 24, 36, 48, 60) : draw.Pick(36, 48, 60, 66, 72, 84);
        var payment = Installment(original, rate, term);
        var made = draw.Next(1, term - 2);
        var paidOn = periodStart.AddDays(draw.Next(0, periodEnd.DayNumber - periodStart.DayNumber + 1));
        var dividendRate = draw.Pick("0.050", "0.100", "0.150", "0.250", "0.400");
        var share = draw.Amount(5m, 4_000m) + (secured ? original : 0m);
        var draft = draw.Amount(120m, 6_500m);
        var loanSuffix = secured ? "L01" : draw.Pick("L70", "L71", "L50");
        var loanName = secured ? "SHARE SECURED LOAN" : draw.Pick("NEW AUTO LOAN", "USED VEHICLE LOAN", "AUTO LOAN - INDIRECT", "VEHICLE LOAN");
        var loan = new Loan(loanSuffix, loanName, original, rate, term, payment, made, paidOn);
        return new(cu, secured, loanLast4, shareLast4, draftLast4, member, periodStart, periodEnd, loan, dividendRate, share, draft, draw.OneIn(2));
    }

    private static OtherLoan DrawOtherLoan(Draw draw, LastFours numbers, Statement s)
    {
        var shown = draw.OneIn(3);
        var last4 = numbers.Unique();
        var original = draw.Amount(2_000m, 14_000m);
        var rate = Math.Round(draw.Rate(8.9m, 17.9m), 2);
        var payment = Installment(original, rate, 48);
        var balance = Remaining(original, rate, payment, draw.Next(2, 40));
        var due = s.PeriodEnd.AddDays(draw.Next(3, 25));
        var (suffix, name) = s.Secured ? ("L70", "NEW AUTO LOAN") : ("L20", draw.Pick("SIGNATURE LOAN", "PERSONAL LINE - CLOSED END", "SHARE SECURED LOAN"));
        return new(shown, suffix, name, last4, rate, payment, balance, due);
    }

    /// <summary>An amount as the credit union's system prints it: ".00" below a dollar, no sign.</summary>
    private static string N(decimal v) => v < 1m ? v.ToString(".00", Inv) : v.ToString("#,##0.00", Inv);

    private static string Summary(Draw draw, Statement s, OtherLoan other)
    {
        var summary = new StringBuilder("ACCOUNT SUMMARY\n");
        summary.Append("ID    DESCRIPTION                 ACCOUNT NO.       BEGINNING BAL      ENDING BAL\n");
        summary.Append(CultureInfo.InvariantCulture, $"S00   PRIMARY SAVINGS             XXXXXX{s.ShareLast4}  {N(s.Share - s.Dividend),16}{N(s.Share),16}\n");
        summary.Append(CultureInfo.InvariantCulture, $"S10   SHARE DRAFT CHECKING        XXXXXX{s.DraftLast4}  {N(s.Draft - draw.Amount(-300m, 300m)),16}{N(s.Draft),16}\n");
        summary.Append(CultureInfo.InvariantCulture, $"{s.Loan.Suffix}   {s.Loan.Name,-26}  XXXXXX{s.LoanLast4}  {N(s.Loan.Before),16}{N(s.Loan.Ending),16}\n");
        if (other.Shown)
        {
            summary.Append(CultureInfo.InvariantCulture, $"{other.Suffix}   {other.Name,-26}  XXXXXX{other.Last4}  {N(other.Balance + draw.Amount(80m, 300m)),16}{N(other.Balance),16}\n");
        }

        return summary.ToString().TrimEnd();
    }

    private static string LoanSection(Draw draw, Statement s, Labels labels)
    {
        var l = s.Loan;
        return $"""
            {l.Suffix}  {l.Name}                     ACCOUNT XXXXXX{s.LoanLast4}
            {(s.Secured ? $"  COLLATERAL: PLEDGED SHARES S01 CERTIFICATE   {N(l.Original)} HELD" : $"  COLLATERAL: {draw.Pick("2021 TOYOTA RAV4", "2019 FORD F150", "2022 HONDA CIVIC", "2020 CHEVROLET EQUINOX", "2023 KIA SORENTO")}  VIN ...{Int(draw.Next(100000, 999999))}")}
              DATE    DESCRIPTION                     PAYMENT    PRINCIPAL    INTEREST         BALANCE
              {s.PeriodStart.ToString("MM/dd", Inv)}   PREVIOUS BALANCE                                                   {N(l.Before),12}
              {l.PaidOn.ToString("MM/dd", Inv)}   PAYMENT - TRANSFER FROM S10   {N(l.Payment),9}  {N(l.PrincipalPart),11}  {N(l.Interest),10}    {N(l.Ending),12}
              {s.PeriodEnd.ToString("MM/dd", Inv)}   ENDING BALANCE                                                     {N(l.Ending),12}

              {Pad(labels.Rate, 24)}{l.Rate.ToString("0.000", Inv)}%        DAILY PERIODIC RATE   {(l.Rate / 365m).ToString(".000000", Inv)}%
              {Pad(labels.Due, 24)}{s.Dt(l.NextDue)}{new string(' ', s.TwoYear ? 8 : 6)}{Pad(labels.Amount, 22)}{N(l.Payment)}
              {Pad("ORIGINAL LOAN AMOUNT", 24)}{N(l.Original),-14}MATURITY DATE         {s.Dt(l.PaidOn.AddMonths(l.Term - l.Made))}
              {Pad("INTEREST PAID YTD", 24)}{N(l.Interest * Math.Min(l.Made, s.PeriodEnd.Month)),-14}PAST DUE AMOUNT       .00
            """;
    }

    private static string OtherLoanSection(Statement s, OtherLoan other, Labels labels) => $"""
        {other.Suffix}  {other.Name}                     ACCOUNT XXXXXX{other.Last4}
          {Pad(labels.Rate, 24)}{other.Rate.ToString("0.000", Inv)}%
          {Pad(labels.Due, 24)}{s.Dt(other.Due)}{new string(' ', s.TwoYear ? 8 : 6)}{Pad(labels.Amount, 22)}{N(other.Payment)}
          ENDING BALANCE          {N(other.Balance)}
        """;

    private static string Dividends(Draw draw, Statement s) => $"""
        MEMBER DIVIDEND SUMMARY
        S00 PRIMARY SAVINGS     DIVIDEND RATE {s.DividendRate}%   APY EARNED {decimal.Parse(s.DividendRate, Inv).ToString("0.00", Inv)}%   DIVIDENDS THIS PERIOD {N(s.Dividend)}   DIVIDENDS YTD {N(s.Dividend * s.PeriodEnd.Month)}
        S10 SHARE DRAFT         DIVIDEND RATE 0.010%   DIVIDENDS YTD .{Int(draw.Next(10, 99))}
        {(draw.OneIn(3) ? $"LOAN INTEREST REFUND: Your board of directors declared a {Int(draw.Next(5, 16))}% refund of loan interest paid last year. {N(draw.Amount(8m, 140m))} was deposited to S00 on {s.Dt(new DateOnly(s.PeriodEnd.Year, 1, 31))}." : "")}
        """;

    /// <summary>Savings and checking; the checking lines (the loan's transfer among them) in date order.</summary>
    private static string ShareSection(Draw draw, Statement s)
    {
        var draftLines = string.Join("\n", new (DateOnly Date, string Text)[]
            {
                (s.Loan.PaidOn, $"TRANSFER TO {s.Loan.Suffix}          {"-" + N(s.Loan.Payment),11}"),
                (s.PeriodStart.AddDays(draw.Next(0, 25)), $"ACH DEPOSIT {draw.Pick("PAYROLL  ", "SSA TREAS", "DIRECT DP")}  {N(draw.Amount(600m, 3_200m)),11}"),
                (s.PeriodStart.AddDays(draw.Next(0, 25)), $"DRAFT #{Int(draw.Next(1000, 9999))}              {"-" + N(draw.Amount(20m, 900m)),11}"),
            }.OrderBy(l => l.Date).Select(l => $"  {l.Date.ToString("MM/dd", Inv)}   {l.Text}"));
        return $"""
            S00  PRIMARY SAVINGS                       ACCOUNT XXXXXX{s.ShareLast4}
              {s.PeriodStart.ToString("MM/dd", Inv)}   BEGINNING BALANCE                          {N(s.Share - s.Dividend),12}
              {s.PeriodEnd.ToString("MM/dd", Inv)}   DIVIDEND                   {N(s.Dividend),10}      {N(s.Share),12}

            S10  SHARE DRAFT CHECKING                  ACCOUNT XXXXXX{s.DraftLast4}
            {draftLines}
              {s.PeriodEnd.ToString("MM/dd", Inv)}   ENDING BALANCE                             {N(s.Draft),12}
            """;
    }

    private static string Header(Draw draw, Statement s, bool otherShown) => $"""
        {s.CreditUnion.ToUpperInvariant()}
        {Int(draw.Next(100, 9999))} {draw.Pick("MAIN ST", "CREDIT UNION WAY", "UNION AVE", "HIGHWAY 61 N")}
        {CityStateZip(draw).ToUpperInvariant()}
        ROUTING NO. 2{Int(draw.Next(10_000_000, 99_999_999))}        AUDIO TELLER {Phone(draw)}

        STATEMENT OF ACCOUNT       PERIOD {s.Dt(s.PeriodStart)} THRU {s.Dt(s.PeriodEnd)}
        MEMBER NUMBER   XXXX{s.Member}                 PAGE 1 OF {Int(otherShown ? 3 : 2)}

        {Person(draw).ToUpperInvariant()}
        {Street(draw).ToUpperInvariant()}
        {CityStateZip(draw).ToUpperInvariant()}

        *** YOUR SAVINGS FEDERALLY INSURED TO AT LEAST $250,000 BY NCUA ***
        {draw.Pick($"THE ANNUAL MEETING WILL BE HELD {s.PeriodEnd.AddDays(draw.Next(20, 60)).ToString("MMMM d", Inv).ToUpperInvariant()} AT 6:30 PM IN THE MAIN BRANCH LOBBY.", "SKIP-A-PAY IS AVAILABLE FOR QUALIFYING LOANS - $35 FEE PER LOAN.", "HOLIDAY CLOSING: ALL BRANCHES CLOSED MONDAY.")}
        """;
}
