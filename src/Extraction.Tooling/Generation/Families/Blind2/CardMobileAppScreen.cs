using System.Globalization;
using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Kit.Formatting;

namespace Extraction.Tooling.Generation.Families.Blind2;

internal static class CardMobileAppScreen
{
    private static readonly string[] AppCardIssuers = ["Capital One", "Citi", "Discover", "Bank of America", "Wells Fargo", "Navy Federal Credit Union", "Barclays US"];

    private static readonly string[] CardProducts = ["Quicksilver", "Double Cash", "Cash Rewards Visa", "Platinum Mastercard", "Active Cash", "cashRewards Signature", "View Mastercard"];

    private static readonly string[] Merchants = ["SHELL OIL 57444", "TRADER JOE'S #552", "SPOTIFY USA", "UBER *TRIP", "COSTCO WHSE #1123", "CHEWY.COM", "STARBUCKS STORE 10457", "HOME DEPOT #6611"];

    private static readonly string[] Returns = ["RETURN: TARGET 00012", "CREDIT: AMAZON MKTPL", "REFUND: OLD NAVY #3021", "RETURN: BEST BUY 00471"];

    public static DocumentFamily Family { get; } = new("card-mobile-app-screen", FamilySet.HeldOut, 10, "a card issuer's mobile-app screen as text: current, statement and remaining statement balances, recent activity", Write);

    /// <summary>The card as of its last statement, drawn before the screen's activity.</summary>
    private sealed record Card(string Issuer, string Product, string Last4, decimal Limit, decimal Statement, DateOnly Closing, decimal Credit)
    {
        public decimal Minimum => Math.Max(35m, Math.Ceiling(Statement * 0.025m));

        public DateOnly Due => Closing.AddDays(25);

        public decimal Remaining => Statement - Credit;
    }

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var c = DrawCard(draw, asOf);
        var (activity, posted, pending) = RecentActivity(draw, c, asOf);
        var current = c.Remaining + posted;
        var available = Math.Max(0m, c.Limit - current - pending);
        var apr = Math.Round(draw.Rate(18, 30), 2);
        var showApr = draw.OneIn(2);
        var limitText = draw.OneIn(2) ? Usd(c.Limit) : c.Limit.ToString("$#,##0", CultureInfo.InvariantCulture);
        var statementLabel = draw.Pick("Statement balance", "Last statement balance", "Statement Balance");
        var remainingLabel = draw.Pick("Remaining statement balance", "Remaining statement bal.", "Remaining Statement Balance");
        var dueText = draw.OneIn(2) ? "Due " + c.Due.ToString("MMM d, yyyy", CultureInfo.InvariantCulture) : "Payment due date  " + format.Date(c.Due);
        var text = $"""
            {draw.Next(7, 12)}:{draw.Next(10, 60)}                                  LTE  {draw.Next(12, 100)}%
            <  Accounts                 {c.Issuer}
            {c.Product} •••• {c.Last4}

            Current balance
            {Usd(current)}
            Available credit {Usd(available)}  |  Credit limit {limitText}

            ---------------------------------------------
            {statementLabel,-30}{Usd(c.Statement),14}
            {remainingLabel,-30}{Usd(c.Remaining),14}
            {"Minimum payment due",-30}{Usd(c.Minimum),14}
            {dueText}
            [ Pay card ]            [ Set up AutoPay ]
            ---------------------------------------------
            Statement closed {c.Closing.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)}   View statements  >

            Recent activity
            {string.Join("\n", activity)}

            {(showApr ? Rates(apr) : "Interest rates  >")}
            Rewards  {draw.Next(200, 60_000).ToString("#,##0", CultureInfo.InvariantCulture)} miles available
            Lost or stolen card? Call 1-800-555-{draw.Next(1_000, 9_999)}
            """;
        return new(LiabilityType.CreditCard, SourceKind.PortalPage, c.Issuer, text, new ExtractedFields
        {
            StatementBalance = c.Statement, MinimumPayment = c.Minimum, NextPaymentDueDate = c.Due,
            InterestRatePct = showApr ? apr : null, CreditLimit = c.Limit, AccountLast4 = c.Last4,
        });
    }

    private static Card DrawCard(Draw draw, DateOnly asOf)
    {
        var issuer = draw.Pick(AppCardIssuers);
        var product = draw.Pick(CardProducts);
        var last4 = draw.Last4();
        var limit = draw.Next(3, 61) * 500m;
        var statement = draw.Amount(60, limit * 0.95m);
        var closing = asOf.AddDays(-draw.Next(2, 21));
        var credit = draw.OneIn(3) ? 0m : draw.Amount(8, Math.Min(150m, statement * 0.5m));
        return new(issuer, product, last4, limit, statement, closing, credit);
    }

    /// <summary>Since the statement: one pending purchase, posted ones, and a return when there is a credit; the current balance moves with them.</summary>
    private static (List<string> Lines, decimal Posted, decimal Pending) RecentActivity(Draw draw, Card c, DateOnly asOf)
    {
        var activity = new List<string>();
        var posted = 0m;
        var pending = 0m;
        var count = draw.Next(2, 5);
        for (var i = 0; i < count; i++)
        {
            var amount = draw.Amount(4, 120);
            if (i == 0)
            {
                pending += amount;
                activity.Add($"  Pending   {draw.Pick(Merchants),-24}{Usd(amount),12}");
            }
            else
            {
                posted += amount;
                var day = c.Closing.AddDays(draw.Next(1, asOf.DayNumber - c.Closing.DayNumber + 1));
                activity.Add($"  {day.ToString("MMM d", CultureInfo.InvariantCulture),-8}  {draw.Pick(Merchants),-24}{Usd(amount),12}");
            }
        }

        if (c.Credit > 0)
        {
            activity.Add($"  {c.Closing.AddDays(1).ToString("MMM d", CultureInfo.InvariantCulture),-8}  {draw.Pick(Returns),-24}{"-" + Usd(c.Credit),12}");
        }

        return (activity, posted, pending);
    }

    private static string Rates(decimal apr) => $"""
        Interest rates
          Purchase APR                 {apr.ToString("0.00", CultureInfo.InvariantCulture)}%
          Cash advance APR             {(apr + 5m).ToString("0.00", CultureInfo.InvariantCulture)}%
          Balance transfer APR         {apr.ToString("0.00", CultureInfo.InvariantCulture)}%
        """;
}
