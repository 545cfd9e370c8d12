using System.Text;
using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.Blind4.Blind4Draws;
using static Extraction.Tooling.Generation.Kit.Formatting;

namespace Extraction.Tooling.Generation.Families.Blind4;

internal static partial class AggregatorLiabilityExport
{
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

        return new(LiabilityType.Mortgage, SourceKind.PortalPage, servicer, Copied(draw, servicer, rows, style, asOf), new ExtractedFields
        {
            PrincipalBalance = f.Principal,
            EscrowBalance = showEscrow ? (shortage ? -escrow : escrow) : null,
            NextPaymentAmount = f.Payment,
            NextPaymentDueDate = f.Due,
            InterestRatePct = f.Rate,
            AccountLast4 = last4,
        });
    }

    /// <summary>The page as the copy came out: labels and values on one line (colon or tab) or on two, between the site's header and footer.</summary>
    private static string Copied(Draw draw, string servicer, List<(string Label, string Value)> rows, int style, DateOnly asOf)
    {
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
        return sb.ToString();
    }
}
