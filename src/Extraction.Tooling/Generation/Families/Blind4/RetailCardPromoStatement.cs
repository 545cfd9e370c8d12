using System.Globalization;
using System.Text;
using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.Blind4.Blind4Draws;
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

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        if (draw.OneIn(4))
        {
            return PayOverTimeStatement(draw, asOf);
        }

        var (store, issuer) = draw.Pick(Stores);
        var last4 = draw.Last4();
        var limit = 250m * draw.Next(2, 41);
        var apr = Math.Round(draw.Rate(26.99m, 35.99m), 2);
        var closing = asOf.AddDays(-draw.Next(1, 9));
        var cycleDays = draw.Next(28, 32);
        var due = closing.AddDays(draw.Next(23, 29));
        var promoKind = draw.Next(3); // 0: none, 1: deferred interest, 2: equal payment plan
        var promoStart = closing.AddDays(-draw.Next(40, 300));
        var promoMonths = promoKind == 1 ? draw.Pick(6, 12, 18, 24) : draw.Pick(24, 36, 48, 60);
        var promoOriginal = decimal.Floor(limit * draw.Amount(0.2m, 0.55m)) + draw.Pick(PromoCents);
        var monthsIn = Math.Max(1, (closing.Year * 12) + closing.Month - (promoStart.Year * 12) - promoStart.Month);
        var planPayment = Math.Round(promoOriginal / promoMonths, 2);
        var promoBalance = promoKind switch
        {
            1 => Math.Max(promoOriginal - (draw.Amount(0m, 0.4m) * promoOriginal), 50m),
            2 => Math.Max(promoOriginal - (planPayment * Math.Min(monthsIn, promoMonths - 2)), planPayment * 2),
            _ => 0m,
        };
        promoBalance = Math.Round(promoBalance, 2);
        var fees = draw.OneIn(5) ? draw.Pick(30, 41) : 0m;
        var averageDaily = (draw.Amount(0.04m, 0.4m) * limit) + draw.Amount(0m, 9.99m);
        var interest = Math.Round(averageDaily * apr / 100m / 365m * cycleDays, 2);
        var revolving = Math.Round(Math.Max(averageDaily * draw.Amount(0.9m, 1.1m), fees + interest + 20m), 2);
        averageDaily = Math.Round(averageDaily, 2);
        var newBalance = revolving + promoBalance;
        var payment = draw.Amount(25m, 400m);
        var credits = draw.OneIn(5) ? draw.Amount(9m, 120m) : 0m;
        var ceiling = newBalance + payment + credits - fees - interest;
        var previous = draw.Amount(Math.Max(payment, ceiling * 0.55m), ceiling);
        var purchases = newBalance - previous + payment + credits - fees - interest;
        var floor = draw.Pick(25, 29, 35, 40);
        var minimum = Math.Max(floor, decimal.Ceiling((revolving + (promoKind == 1 ? promoBalance : 0m)) * 0.035m)) + (promoKind == 2 ? planPayment : 0m) + fees;
        minimum = Math.Min(minimum, newBalance);
        var d = draw.Pick("MM/dd/yyyy", "MM/dd/yy");
        string Dt(DateOnly x) => x.ToString(d, Inv);
        var money = draw.OneIn(3) ? (Func<decimal, string>)Plain : Usd;
        var labels = (
            New: draw.Pick("New Balance", "New Balance", "Statement Balance"),
            Min: draw.Pick("Total Minimum Payment Due", "Minimum Payment Due", "Minimum Amount Due"),
            Due: draw.Pick("Payment Due Date", "Payment Due Date", "Due Date"),
            Limit: draw.Pick("Credit Limit", "Credit Line", "Total Credit Line"));

        var paymentInfo = $"""
                           PAYMENT INFORMATION
                           {Pad(labels.New, 34)}{money(newBalance)}
                           {Pad(labels.Min, 34)}{money(minimum)}
                           {Pad(labels.Due, 34)}{Dt(due)}

                           Late Payment Warning: If we do not receive your minimum payment by 5 p.m. Eastern on the date listed above, you may have to pay a late fee of up to $41.00{(promoKind == 1 ? " and you may lose your promotional financing" : "")}.
                           """;
        var warning = MinimumPaymentWarning(draw, newBalance, apr, floor);
        var summary = $"""
                       ACCOUNT SUMMARY
                       {Pad("Previous Balance", 34)}{money(previous)}
                       {Pad("- Payments", 34)}{money(payment)}
                       {Pad("- Other Credits", 34)}{money(credits)}
                       {Pad("+ Purchases/Other Debits", 34)}{money(purchases)}
                       {Pad("+ Fees Charged", 34)}{money(fees)}
                       {Pad("+ Interest Charged", 34)}{money(interest)}
                       {Pad("= " + labels.New, 34)}{money(newBalance)}
                       {Pad(labels.Limit, 34)}{money(limit)}
                       {Pad("Available Credit", 34)}{money(Math.Max(0m, limit - newBalance))}
                       {Pad("Past Due Amount", 34)}{money(0m)}
                       {Pad("Days in Billing Cycle", 34)}{Int(cycleDays)}
                       """;
        var promoExpires = promoStart.AddMonths(promoMonths);
        var promo = promoKind switch
        {
            1 => $"""
                  PROMOTIONAL BALANCE SUMMARY
                  Promo: No Interest if Paid in Full within {Int(promoMonths)} Months  (purchase of {Dt(promoStart)})
                    Original promo amount         {money(promoOriginal)}
                    Promo balance                 {money(promoBalance)}
                    Accrued deferred interest     {money(Math.Round(promoBalance * apr / 1200m * Math.Min(monthsIn, promoMonths), 2))}
                    Promotion expires             {Dt(promoExpires)}
                  Pay {money(promoBalance)} by {Dt(promoExpires)} to avoid being charged the accrued deferred interest. Your minimum payment may not pay off this balance in time.
                  """,
            2 => $"""
                  EQUAL PAYMENT PLANS
                  Plan  Description                          Start       Term    Monthly    Plan Balance
                  003   Reduced APR 0.00% - Equal Payments    {Dt(promoStart)}  {Int(promoMonths)} mo   {money(planPayment)}    {money(promoBalance)}
                  Your monthly plan payment is included in your {labels.Min}.
                  """,
            _ => "",
        };
        var transactions = Transactions(draw, closing, cycleDays, payment, credits, purchases, store, money);
        var interestTable = $"""
                             INTEREST CHARGE CALCULATION
                             Your Annual Percentage Rate (APR) is the annual interest rate on your account.
                             Type of Balance              Annual Percentage Rate (APR)   Balance Subject to Interest Rate   Interest Charge
                             Regular Purchases            {apr.ToString("0.00", Inv)}% (v)                     {money(averageDaily)}                         {money(interest)}
                             {(promoKind switch
                             {
                                 1 => $"Deferred Interest Promo      {apr.ToString("0.00", Inv)}% (d)                     {money(promoBalance)}                         {money(0m)}",
                                 2 => $"Equal Payment Plan 003       0.00%                          {money(promoBalance)}                         {money(0m)}",
                                 _ => $"Cash Advances                {(apr + 0.25m).ToString("0.00", Inv)}% (v)                     {money(0m)}                              {money(0m)}",
                             })}
                             (v) = Variable Rate. {(promoKind == 1 ? "(d) = Deferred interest: interest is accrued but not charged if the promo balance is paid in full by the expiration date." : "")}
                             Penalty APR: None.
                             """;
        var ytd = $"""
                   {Int(closing.Year)} Totals Year-to-Date
                   Total Fees Charged in {Int(closing.Year)}           {money(fees + (draw.OneIn(3) ? 41m : 0m))}
                   Total Interest Charged in {Int(closing.Year)}       {money(interest + (closing.Month > 1 ? draw.Amount(0m, 90m) : 0m))}
                   """;
        var header = $"""
                      {store.ToUpperInvariant()} CREDIT CARD
                      Issued by {issuer}                                Account Number ending in {last4}
                      Statement Closing Date  {Dt(closing)}
                      Customer Service 1-{Int(draw.Next(800, 890))}-{Int(draw.Next(200, 999))}-{draw.Next(0, 10000).ToString("D4", Inv)}   Lost/Stolen card 24 hrs
                      """;
        var parts = draw.OneIn(2)
            ? new[] { header, paymentInfo, warning, summary, promo, transactions, ytd, interestTable }
            : [header, summary, paymentInfo, promo, warning, transactions, interestTable, ytd];
        var text = string.Join("\n\n", parts.Where(p => p.Length > 0));

        return new(LiabilityType.CreditCard, SourceKind.Statement, $"{store} Credit Card", text, new ExtractedFields
        {
            StatementBalance = newBalance,
            MinimumPayment = minimum,
            NextPaymentDueDate = due,
            InterestRatePct = apr,
            CreditLimit = limit,
            AccountLast4 = last4,
        });
    }

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
