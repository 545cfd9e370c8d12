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

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
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
        var term = secured ? draw.Pick(12, 24, 36, 48, 60) : draw.Pick(36, 48, 60, 66, 72, 84);
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

                      {Pad(rateLabel, 24)}{rate.ToString("0.000", Inv)}%        DAILY PERIODIC RATE   {(rate / 365m).ToString(".000000", Inv)}%
                      {Pad(dueLabel, 24)}{Dt(nextDue)}{new string(' ', twoYear ? 8 : 6)}{Pad(amountLabel, 22)}{N(payment)}
                      {Pad("ORIGINAL LOAN AMOUNT", 24)}{N(original),-14}MATURITY DATE         {Dt(paidOn.AddMonths(term - made))}
                      {Pad("INTEREST PAID YTD", 24)}{N(interest * Math.Min(made, periodEnd.Month)),-14}PAST DUE AMOUNT       .00
                    """;
        var otherSection = other
            ? $"""
               {otherSuffix}  {otherName}                     ACCOUNT XXXXXX{otherLast4}
                 {Pad(rateLabel, 24)}{otherRate.ToString("0.000", Inv)}%
                 {Pad(dueLabel, 24)}{Dt(otherDue)}{new string(' ', twoYear ? 8 : 6)}{Pad(amountLabel, 22)}{N(otherPayment)}
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
}
