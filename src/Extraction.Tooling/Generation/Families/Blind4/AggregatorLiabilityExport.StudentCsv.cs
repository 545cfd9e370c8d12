using System.Globalization;
using System.Text;
using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.Blind4.Blind4Draws;
using static Extraction.Tooling.Generation.Kit.Formatting;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.Blind4;

internal static partial class AggregatorLiabilityExport
{
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
            var original = draw.Pick(3500, 4500, 5500, 6500, 7500, 2000, 12500) + (draw.OneIn(4) ? draw.Amount(0m, 900m) : 0m);
            loans.Add(($"1-{(i + 1).ToString("D2", Inv)}", draw.Pick(FederalLoanTypes), new DateOnly(firstYear + ((i + 1) / 2), i % 2 == 0 ? 8 : 1, draw.Next(10, 28)),
                original, Math.Round((original * draw.Amount(0.55m, 1.02m)) - draw.Amount(0m, 40m), 2), draw.Amount(0m, 60m), draw.Pick(FederalRates)));
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
}
