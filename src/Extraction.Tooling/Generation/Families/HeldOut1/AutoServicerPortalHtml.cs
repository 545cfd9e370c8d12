using System.Globalization;
using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.HeldOut1;

internal static class AutoServicerPortalHtml
{
    private static readonly string[] AutoLenders = ["Tesla Finance", "Ford Credit", "Nissan Motor Acceptance", "Credit Acceptance", "CarMax Auto Finance"];

    public static DocumentFamily Family { get; } = new("auto-servicer-portal-html", FamilySet.HeldOut, 10, "an auto lender's account page saved as HTML: definition lists and a table", Write);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var lender = draw.Pick(AutoLenders);
        var last4 = draw.Last4();
        var principal = draw.Amount(4_000, 60_000);
        var rate = draw.Rate(1.9m, 17);
        var perDiem = PerDiem(principal, rate);
        var goodThrough = asOf.AddDays(10);
        var payoff = principal + (perDiem * 10);
        var payment = draw.Amount(250, 1_100);
        var due = asOf.AddDays(draw.Next(3, 28));
        var text = $"""
            <!DOCTYPE html>
            <html lang="en"><body>
            <nav><a href="/home">Home</a> | <a href="/pay">Make a Payment</a></nav>
            <div class="account-card">
              <span class="acct">Vehicle Loan &bull;&bull;&bull;&bull;{last4}</span>
              <dl>
                <dt>Principal Balance</dt><dd>{format.Money(principal)}</dd>
                <dt>Next Payment</dt><dd>{format.Money(payment)}</dd>
                <dt>Due On</dt><dd>{format.Date(due)}</dd>
                <dt>APR</dt><dd>{rate.ToString("0.00#", CultureInfo.InvariantCulture)}%</dd>
              </dl>
            </div>
            <table class="payoff">
              <tr><th colspan="2">10-Day Payoff Quote</th></tr>
              <tr><td>Payoff Amount</td><td>{format.Money(payoff)}</td></tr>
              <tr><td>Quote Good Through</td><td>{format.Date(goodThrough)}</td></tr>
              <tr><td>Daily Interest</td><td>{format.Money(perDiem)}</td></tr>
            </table>
            </body></html>
            """;
        return new(LiabilityType.AutoLoan, SourceKind.PortalPage, lender, text, new ExtractedFields
        {
            PayoffAmount = payoff, PayoffGoodThrough = goodThrough, PerDiem = perDiem, PrincipalBalance = principal,
            NextPaymentAmount = payment, NextPaymentDueDate = due, InterestRatePct = rate, AccountLast4 = last4,
        });
    }
}
