using System.Globalization;
using System.Text;
using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Kit.Formatting;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.Blind4;

internal static partial class RetailCardPromoStatement
{
    private static readonly (string Store, string Issuer)[] Stores =
    [
        ("Harbor & Pine Home", "Synchrony Bank"), ("Trailhead Outfitters", "Comenity Capital Bank"), ("Belmont Jewelers", "Comenity Bank"),
        ("Northgate Furniture Gallery", "TD Bank, N.A."), ("Kessler Powersports", "Synchrony Bank"), ("Wexford Appliance & Mattress", "Wells Fargo Bank, N.A."),
        ("Tri-County Tire & Auto", "Citibank, N.A."), ("Marlowe's Department Store", "Comenity Bank"), ("Sound Ridge Music", "Synchrony Bank"),
    ];

    private static readonly decimal[] PromoCents = [0m, 0.99m, 0.95m, 0.97m];

    public static DocumentFamily Family { get; } = new("retail-card-promo-statement", FamilySet.HeldOut, 10, "A private-label store card statement with deferred-interest promos or equal-payment plans; now and then a pay-over-time installment loan statement.", Write);

    private enum PromoKind
    {
        None,
        DeferredInterest,
        EqualPayments,
    }

    /// <summary>A promotional purchase on the card: deferred interest, or an equal-payment plan at 0 %.</summary>
    private sealed record Promo(PromoKind Kind, DateOnly Start, int Months, decimal Original, int MonthsIn, decimal Balance)
    {
        public decimal PlanPayment => Math.Round(Original / Months, 2);

        public DateOnly Expires => Start.AddMonths(Months);
    }

    /// <summary>The cycle's figures: the revolving balance beside the promo, the summary's lines, the minimum.</summary>
    private sealed record Card(
        string Store, string Issuer, string Last4, decimal Limit, decimal Apr, DateOnly Closing, int CycleDays, DateOnly Due, Promo Promo,
        decimal Fees, decimal AverageDaily, decimal Interest, decimal Revolving, decimal Payment, decimal Credits, decimal Previous, decimal Floor, decimal Minimum)
    {
        public decimal NewBalance => Revolving + Promo.Balance;

        public decimal Purchases => NewBalance - Previous + Payment + Credits - Fees - Interest;
    }

    /// <summary>How this issuer prints: its dates, amounts with or without a sign, the labels of its boxes.</summary>
    private sealed record Style(string DateFormat, Func<decimal, string> Money, string New, string Min, string Due, string Limit)
    {
        public string Dt(DateOnly x) => x.ToString(DateFormat, Inv);
    }

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        if (draw.OneIn(4))
        {
            return PayOverTimeStatement(draw, asOf);
        }

        var c = DrawCard(draw, asOf);
        var style = new Style(
            draw.Pick("MM/dd/yyyy", "MM/dd/yy"),
            draw.OneIn(3) ? Plain : Usd,
            draw.Pick("New Balance", "New Balance", "Statement Balance"),
            draw.Pick("Total Minimum Payment Due", "Minimum Payment Due", "Minimum Amount Due"),
            draw.Pick("Payment Due Date", "Payment Due Date", "Due Date"),
            draw.Pick("Credit Limit", "Credit Line", "Total Credit Line"));
        var paymentInfo = PaymentInformation(c, style);
        var warning = MinimumPaymentWarning(draw, c.NewBalance, c.Apr, c.Floor);
        var summary = AccountSummary(c, style);
        var promo = PromoSection(c, style);
        var transactions = Transactions(draw, c.Closing, c.CycleDays, c.Payment, c.Credits, c.Purchases, c.Store, style.Money);
        var interestTable = InterestCharges(c, style);
        var ytd = YearToDate(draw, c, style);
        var header = $"""
            {c.Store.ToUpperInvariant()} CREDIT CARD
            Issued by {c.Issuer}                                Account Number ending in {c.Last4}
            Statement Closing Date  {style.Dt(c.Closing)}
            Customer Service 1-{Int(draw.Next(800, 890))}-{Int(draw.Next(200, 999))}-{draw.Next(0, 10000).ToString("D4", Inv)}   Lost/Stolen card 24 hrs
            """;
        var parts = draw.OneIn(2)
            ? new[] { header, paymentInfo, warning, summary, promo, transactions, ytd, interestTable }
            : [header, summary, paymentInfo, promo, warning, transactions, interestTable, ytd];
        var text = string.Join("\n\n", parts.Where(p => p.Length > 0));

        return new(LiabilityType.CreditCard, SourceKind.Statement, $"{c.Store} Credit Card", text, new ExtractedFields
        {
            StatementBalance = c.NewBalance,
            MinimumPayment = c.Minimum,
            NextPaymentDueDate = c.Due,
            InterestRatePct = c.Apr,
            CreditLimit = c.Limit,
            AccountLast4 = c.Last4,
        });
    }

    private static Card DrawCard(Draw draw, DateOnly asOf)
    {
        var (store, issuer) = draw.Pick(Stores);
        var last4 = draw.Last4();
        var limit = 250m * draw.Next(2, 41);
        var apr = Math.Round(draw.Rate(26.99m, 35.99m), 2);
        var closing = asOf.AddDays(-draw.Next(1, 9));
        var cycleDays = draw.Next(28, 32);
        var due = closing.AddDays(draw.Next(23, 29));
        var promo = DrawPromo(draw, closing, limit);
        var fees = draw.OneIn(5) ? draw.Pick(30, 41) : 0m;
        var averageDaily = (draw.Amount(0.04m, 0.4m) * limit) + draw.Amount(0m, 9.99m);
        var interest = Math.Round(averageDaily * apr / 100m / 365m * cycleDays, 2);
        var revolving = Math.Round(Math.Max(averageDaily * draw.Amount(0.9m, 1.1m), fees + interest + 20m), 2);
        var newBalance = revolving + promo.Balance;
        var payment = draw.Amount(25m, 400m);
        var credits = draw.OneIn(5) ? draw.Amount(9m, 120m) : 0m;
        var ceiling = newBalance + payment + credits - fees - interest;
        var previous = draw.Amount(Math.Max(payment, ceiling * 0.55m), ceiling);
        var floor = draw.Pick(25, 29, 35, 40);
        var minimum = Math.Max(floor, decimal.Ceiling((revolving + (promo.Kind == PromoKind.DeferredInterest ? promo.Balance : 0m)) * 0.035m))
            + (promo.Kind == PromoKind.EqualPayments ? promo.PlanPayment : 0m) + fees;
        return new(store, issuer, last4, limit, apr, closing, cycleDays, due, promo, fees, Math.Round(averageDaily, 2), interest, revolving, payment, credits, previous, floor, Math.Min(minimum, newBalance));
    }

    private static Promo DrawPromo(Draw draw, DateOnly closing, decimal limit)
    {
        var kind = (PromoKind)draw.Next(3);
        var start = closing.AddDays(-draw.Next(40, 300));
        var months = kind == PromoKind.DeferredInterest ? draw.Pick(6, 12, 18, 24) : draw.Pick(24, 36, 48, 60);
        var original = decimal.Floor(limit * draw.Amount(0.2m, 0.55m)) + draw.Pick(PromoCents);
        var monthsIn = Math.Max(1, (closing.Year * 12) + closing.Month - (start.Year * 12) - start.Month);
        var planPayment = Math.Round(original / months, 2);
        var balance = kind switch
        {
            PromoKind.DeferredInterest => Math.Max(original - (draw.Amount(0m, 0.4m) * original), 50m),
            PromoKind.EqualPayments => Math.Max(original - (planPayment * Math.Min(monthsIn, months - 2)), planPayment * 2),
            _ => 0m,
        };
        return new(kind, start, months, original, monthsIn, Math.Round(balance, 2));
    }

    private static string PaymentInformation(Card c, Style style) => $"""
        PAYMENT INFORMATION
        {Pad(style.New, 34)}{style.Money(c.NewBalance)}
        {Pad(style.Min, 34)}{style.Money(c.Minimum)}
        {Pad(style.Due, 34)}{style.Dt(c.Due)}

        Late Payment Warning: If we do not receive your minimum payment by 5 p.m. Eastern on the date listed above, you may have to pay a late fee of up to $41.00{(c.Promo.Kind == PromoKind.DeferredInterest ? " and you may lose your promotional financing" : "")}.
        """;

    private static string AccountSummary(Card c, Style style) => $"""
        ACCOUNT SUMMARY
        {Pad("Previous Balance", 34)}{style.Money(c.Previous)}
        {Pad("- Payments", 34)}{style.Money(c.Payment)}
        {Pad("- Other Credits", 34)}{style.Money(c.Credits)}
        {Pad("+ Purchases/Other Debits", 34)}{style.Money(c.Purchases)}
        {Pad("+ Fees Charged", 34)}{style.Money(c.Fees)}
        {Pad("+ Interest Charged", 34)}{style.Money(c.Interest)}
        {Pad("= " + style.New, 34)}{style.Money(c.NewBalance)}
        {Pad(style.Limit, 34)}{style.Money(c.Limit)}
        {Pad("Available Credit", 34)}{style.Money(Math.Max(0m, c.Limit - c.NewBalance))}
        {Pad("Past Due Amount", 34)}{style.Money(0m)}
        {Pad("Days in Billing Cycle", 34)}{Int(c.CycleDays)}
        """;

    private static string PromoSection(Card c, Style style)
    {
        var (p, money) = (c.Promo, style.Money);
        return p.Kind switch
        {
            PromoKind.DeferredInterest => $"""
                PROMOTIONAL BALANCE SUMMARY
                Promo: No Interest if Paid in Full within {Int(p.Months)} Months  (purchase of {style.Dt(p.Start)})
                  Original promo amount         {money(p.Original)}
                  Promo balance                 {money(p.Balance)}
                  Accrued deferred interest     {money(Math.Round(p.Balance * c.Apr / 1200m * Math.Min(p.MonthsIn, p.Months), 2))}
                  Promotion expires             {style.Dt(p.Expires)}
                Pay {money(p.Balance)} by {style.Dt(p.Expires)} to avoid being charged the accrued deferred interest. Your minimum payment may not pay off this balance in time.
                """,
            PromoKind.EqualPayments => $"""
                EQUAL PAYMENT PLANS
                Plan  Description                          Start       Term    Monthly    Plan Balance
                003   Reduced APR 0.00% - Equal Payments    {style.Dt(p.Start)}  {Int(p.Months)} mo   {money(p.PlanPayment)}    {money(p.Balance)}
                Your monthly plan payment is included in your {style.Min}.
                """,
            _ => "",
        };
    }

    private static string InterestCharges(Card c, Style style)
    {
        var money = style.Money;
        var promoRow = c.Promo.Kind switch
        {
            PromoKind.DeferredInterest => $"Deferred Interest Promo      {c.Apr.ToString("0.00", Inv)}% (d)                     {money(c.Promo.Balance)}                         {money(0m)}",
            PromoKind.EqualPayments => $"Equal Payment Plan 003       0.00%                          {money(c.Promo.Balance)}                         {money(0m)}",
            _ => $"Cash Advances                {(c.Apr + 0.25m).ToString("0.00", Inv)}% (v)                     {money(0m)}                              {money(0m)}",
        };
        return $"""
            INTEREST CHARGE CALCULATION
            Your Annual Percentage Rate (APR) is the annual interest rate on your account.
            Type of Balance              Annual Percentage Rate (APR)   Balance Subject to Interest Rate   Interest Charge
            Regular Purchases            {c.Apr.ToString("0.00", Inv)}% (v)                     {money(c.AverageDaily)}                         {money(c.Interest)}
            {promoRow}
            (v) = Variable Rate. {(c.Promo.Kind == PromoKind.DeferredInterest ? "(d) = Deferred interest: interest is accrued but not charged if the promo balance is paid in full by the expiration date." : "")}
            Penalty APR: None.
            """;
    }

    private static string YearToDate(Draw draw, Card c, Style style) => $"""
        {Int(c.Closing.Year)} Totals Year-to-Date
        Total Fees Charged in {Int(c.Closing.Year)}           {style.Money(c.Fees + (draw.OneIn(3) ? 41m : 0m))}
        Total Interest Charged in {Int(c.Closing.Year)}       {style.Money(c.Interest + (c.Closing.Month > 1 ? draw.Amount(0m, 90m) : 0m))}
        """;

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
}
