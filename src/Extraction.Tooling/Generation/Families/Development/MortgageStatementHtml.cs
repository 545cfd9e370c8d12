using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.Development.DevelopmentNames;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.Development;

internal static class MortgageStatementHtml
{
    public static DocumentFamily Family { get; } = new("mortgage-statement-html", FamilySet.Development, 10, "a mortgage e-statement saved as an HTML table", Write);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var servicer = draw.Pick(MortgageServicers);
        var last4 = draw.Last4();
        var principal = draw.Amount(60_000, 700_000);
        var rate = draw.Rate(2.5m, 8);
        var pAndI = draw.Amount(500, 4_500);
        var escrowPart = draw.Amount(150, 1_200);
        var due = FirstOfNextMonth(asOf);
        var shortage = draw.OneIn(5);
        var escrow = shortage ? -draw.Amount(50, 1_500) : draw.Amount(300, 9_000);
        var escrowRow = shortage
            ? $"<tr><td>Escrow Shortage</td><td class=\"neg\">{format.Money(-escrow)}</td></tr>"
            : $"<tr><td>Escrow Balance</td><td>{format.Money(escrow)}</td></tr>";
        var text = $"""
            <html><head><style>td.neg {"{"} color: #b00 {"}"}</style></head><body>
            <h1>{servicer}</h1>
            <p>Statement Date: {format.Date(asOf)}<br/>Loan Number: ******{last4}</p>
            <table class="due">
              <tr><th>Payment Due Date</th><th>Amount Due</th></tr>
              <tr><td>{format.Date(due)}</td><td>{format.Money(pAndI + escrowPart)}</td></tr>
            </table>
            <table class="info">
              <tr><td>Principal and Interest</td><td>{format.Money(pAndI)}</td></tr>
              <tr><td>Escrow (for Taxes and Insurance)</td><td>{format.Money(escrowPart)}</td></tr>
              <tr><td>Outstanding Principal Balance</td><td>{format.Money(principal)}</td></tr>
              <tr><td>Interest Rate</td><td>{format.Rate(rate)}</td></tr>
              {escrowRow}
            </table>
            <script>window.dataLayer = [{"{"}page: "statement", width: 1280{"}"}];</script>
            </body></html>
            """;
        return new(LiabilityType.Mortgage, SourceKind.Statement, servicer, text, new ExtractedFields
        {
            PrincipalBalance = principal, EscrowBalance = escrow, NextPaymentAmount = pAndI + escrowPart,
            NextPaymentDueDate = due, InterestRatePct = rate, AccountLast4 = last4,
        });
    }
}
