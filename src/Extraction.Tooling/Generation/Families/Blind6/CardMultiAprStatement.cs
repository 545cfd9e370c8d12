using System.Globalization;
using System.Text;
using Extraction.Core.Contracts;

namespace Extraction.Tooling.Generation.Families.Blind6;

/// <summary>A monthly credit card statement with several APRs (purchases, cash advances, balance transfers, promotional), an interest charge table and the minimum payment warning.</summary>
internal static class CardMultiAprStatement
{
    public static DocumentFamily Family { get; } = new("card-statement-multi-apr", FamilySet.HeldOut, 10,
        "Credit card statement with purchase, cash advance, balance transfer and promotional APRs, interest charge table, fees and warning boxes", Write);

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly string[] Issuers =
    [
        "Chase", "Citi", "Capital One", "Bank of America", "Discover", "U.S. Bank", "Wells Fargo", "Barclays", "Synchrony Bank",
        "PNC Bank", "TD Bank", "Navy Federal Credit Union", "USAA", "First National Bank of Omaha", "Comenity Capital Bank",
    ];

    private static readonly string[] Products =
    [
        "Platinum Visa", "Rewards Visa Signature", "Cash Back Mastercard", "World Elite Mastercard", "Preferred Rewards Card",
        "Travel Rewards Visa", "Secured Mastercard", "Everyday Cash Visa", "Double Cash Card", "Customized Cash Rewards",
    ];

    private static readonly string[] Merchants =
    [
        "AMAZON MKTPL*2K4R81", "KROGER #0412", "SHELL OIL 57442019", "TARGET 00021485", "NETFLIX.COM", "STARBUCKS STORE 10922",
        "WALGREENS #7731", "UBER *TRIP", "HOME DEPOT #6524", "CHEWY.COM", "SPOTIFY USA", "COSTCO WHSE #0118", "DOORDASH*CHIPOTLE",
        "EXXONMOBIL 4471", "APPLE.COM/BILL", "BEST BUY 00005421", "TRADER JOE'S #552", "CVS/PHARMACY #02211", "LYFT *RIDE",
        "OLD NAVY US 4415", "DELTA AIR 0062341789", "MARRIOTT HOTELS", "PANERA BREAD #601", "AT&T*BILL PAYMENT", "COMCAST CABLE",
    ];

    private static readonly string[] TableHeader = ["Balance Type", "Annual Percentage Rate (APR)", "Balance Subject to Interest Rate", "Interest Charge"];

    private sealed record Line(DateOnly Date, string Description, decimal Amount);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var issuer = draw.Pick(Issuers);
        var product = draw.Pick(Products);
        var last4 = draw.Last4();
        var limit = draw.Next(8, 101) * 250m;
        var close = asOf.AddDays(-draw.Next(2, 9));
        var days = draw.Next(28, 32);
        var open = close.AddDays(-(days - 1));
        var due = close.AddDays(draw.Next(21, 28));

        var purchaseApr = Math.Round(draw.Rate(17.24m, 29.24m), 2);
        var cashApr = Math.Min(29.99m, Math.Round(purchaseApr + draw.Next(3, 9), 2));
        var penaltyApr = 29.99m;
        var hasCashAdvance = draw.OneIn(2);
        var hasTransfer = draw.Next(4) != 0;
        var btPromo = draw.Next(3) switch { 0 => 0m, 1 => 0m, _ => decimal.Parse(draw.Pick("1.99", "2.99", "3.99", "4.99"), Inv) };
        var btPromoEnd = new DateOnly(due.Year, due.Month, 1).AddMonths(draw.Next(2, 16)).AddDays(-1);
        var btStandardApr = purchaseApr;

        var previous = draw.Amount(limit * 0.15m, limit * 0.55m);
        var transferBalance = hasTransfer ? Math.Round(draw.Amount(300m, previous * 0.6m), 2) : 0m;
        var payment = draw.OneIn(3) ? Math.Round(draw.Amount(40m, previous * 0.25m), 0) : draw.Amount(35m, previous * 0.35m);
        var credits = draw.OneIn(3) ? draw.Amount(9m, 140m) : 0m;
        var cashAdvance = hasCashAdvance ? draw.Next(2, 16) * 20m : 0m;
        var purchaseCap = Math.Min(limit * 0.2m, 3_200m);
        var lines = new List<Line>();
        var purchaseCount = draw.Next(3, 11);
        for (var i = 0; i < purchaseCount; i++)
        {
            lines.Add(new Line(open.AddDays(draw.Next(0, days)), draw.Pick(Merchants), draw.Amount(3.5m, purchaseCap / purchaseCount)));
        }

        var purchases = lines.Sum(l => l.Amount);
        var paymentDate = open.AddDays(draw.Next(1, days - 1));
        var cashDate = open.AddDays(draw.Next(0, days));

        var purchaseAdb = Math.Round(Math.Max(50m, previous - transferBalance - (payment * 0.6m) + (purchases * 0.45m)), 2);
        var cashAdb = hasCashAdvance ? Math.Round(cashAdvance * (close.DayNumber - cashDate.DayNumber + 1) / days, 2) : 0m;
        var purchaseInterest = Interest(purchaseAdb, purchaseApr, days);
        var cashInterest = Interest(cashAdb, cashApr, days);
        var transferInterest = Interest(transferBalance, btPromo, days);
        var interest = purchaseInterest + cashInterest + transferInterest;

        var cashFee = hasCashAdvance ? Math.Max(10m, Math.Round(cashAdvance * 0.05m, 2)) : 0m;
        var lateFee = draw.OneIn(6) ? decimal.Parse(draw.Pick("30.00", "41.00", "32.00"), Inv) : 0m;
        var annualFee = draw.OneIn(9) ? decimal.Parse(draw.Pick("95.00", "99.00", "39.00"), Inv) : 0m;
        var fees = cashFee + lateFee + annualFee;

        var newBalance = previous - payment - credits + purchases + cashAdvance + fees + interest;
        var floor = decimal.Parse(draw.Pick("25.00", "35.00", "40.00"), Inv);
        var minimum = Math.Round((newBalance * 0.01m) + interest + lateFee, 2);
        minimum = Math.Min(newBalance, Math.Max(floor, minimum));
        var available = Math.Max(0m, Math.Round(limit - newBalance, 0));
        var cashLine = Math.Round(limit * decimal.Parse(draw.Pick("0.2", "0.3", "0.25"), Inv) / 100m, 0) * 100m;
        var availableCash = Math.Max(0m, Math.Min(cashLine, available));

        var (minYears, minTotal) = MinimumOnly(newBalance, purchaseApr, floor);
        var pay36 = Math.Ceiling(Amortized(newBalance, purchaseApr, 36));
        var total36 = pay36 * 36m;

        var feesYtd = fees + (close.Month == 1 || draw.OneIn(2) ? 0m : draw.Amount(10m, 120m));
        var interestYtd = interest + (close.Month == 1 ? 0m : Math.Round(interest * (close.Month - 1) * (0.7m + (draw.Next(0, 50) / 100m)), 2));

        var dateStyle = draw.Next(3);
        string D(DateOnly d) => dateStyle switch { 0 => d.ToString("MM/dd/yy", Inv), 1 => d.ToString("MM/dd/yyyy", Inv), _ => d.ToString("MMM d, yyyy", Inv) };
        var dollar = draw.Next(3) != 0;
        string M(decimal a) => (a < 0 ? "-" : "") + (dollar ? "$" : "") + Math.Abs(a).ToString("#,##0.00", Inv);
        string Whole(decimal a) => "$" + a.ToString("#,##0", Inv);

        // Labels vary by issuer style.
        var newBalanceLabel = draw.Pick("New Balance", "New Balance", "New Balance Total", "Statement Balance");
        var minimumLabel = draw.Pick("Minimum Payment Due", "Total Minimum Payment Due", "Minimum Payment Due");
        var dueLabel = draw.Pick("Payment Due Date", "Payment Due Date", "Due Date");
        var limitLabel = draw.Pick("Credit Limit", "Credit Access Line", "Total Credit Line", "Revolving Credit Limit");
        var cashLabel = limitLabel == "Credit Access Line" ? "Cash Access Line" : draw.Pick("Cash Advance Limit", "Cash Credit Line", "Cash Limit");
        var accountLine = draw.Next(3) switch
        {
            0 => $"Account Number: XXXX XXXX XXXX {last4}",
            1 => $"Account ending in {last4}",
            _ => $"Account number ending {last4}",
        };
        var phone = $"1-{draw.Pick("800", "866", "888", "877")}-{draw.Next(200, 1000)}-{draw.Next(0, 10_000):D4}";

        var text = new StringBuilder();
        var layout = draw.Next(3);
        text.AppendLine(Inv, $"{issuer.ToUpperInvariant()}  {product}");
        if (layout == 2)
        {
            text.AppendLine(Inv, $"Statement period {D(open)} - {D(close)}   |   {accountLine}");
        }
        else
        {
            text.AppendLine(accountLine);
            text.AppendLine(Inv, $"Opening/Closing Date {D(open)} - {D(close)}");
        }

        text.AppendLine(Inv, $"Customer Service: {phone}    Lost or stolen card: {phone}");
        text.AppendLine();

        var summary = new List<(string Label, string Value)>
        {
            ("Previous Balance", M(previous)),
            (layout == 0 ? "Payment, Credits" : "Payments", "-" + M(payment + (layout == 0 ? credits : 0m))),
        };
        if (layout != 0)
        {
            summary.Add(("Other Credits", "-" + M(credits)));
        }

        summary.Add(("Purchases", "+" + M(purchases)));
        summary.Add(("Balance Transfers", "+" + M(0m)));
        summary.Add(("Cash Advances", "+" + M(cashAdvance)));
        summary.Add(("Fees Charged", "+" + M(fees)));
        summary.Add(("Interest Charged", "+" + M(interest)));
        summary.Add((newBalanceLabel, M(newBalance)));

        var payInfo = new List<(string Label, string Value)>
        {
            (newBalanceLabel, M(newBalance)),
            (minimumLabel, M(minimum)),
            (dueLabel, D(due)),
        };

        var credit = new List<(string Label, string Value)>
        {
            (limitLabel, M(limit)),
            ("Available Credit", M(available)),
            (cashLabel, M(cashLine)),
            ("Available for Cash", M(availableCash)),
            ("Statement Closing Date", D(close)),
            ("Days in Billing Cycle", days.ToString(Inv)),
        };

        if (layout == 2)
        {
            text.AppendLine("ACCOUNT SUMMARY                          | PAYMENT INFORMATION");
            var rows = Math.Max(summary.Count, payInfo.Count + credit.Count + 1);
            var right = new List<string>();
            right.AddRange(payInfo.Select(p => $"{p.Label}: {p.Value}"));
            right.Add("");
            right.AddRange(credit.Select(p => $"{p.Label}: {p.Value}"));
            for (var i = 0; i < rows; i++)
            {
                var left = i < summary.Count ? $"{summary[i].Label,-22}{summary[i].Value,17}" : "";
                var r = i < right.Count ? right[i] : "";
                text.AppendLine(string.Create(Inv, $"{left,-41}| {r}").TrimEnd());
            }
        }
        else
        {
            text.AppendLine(layout == 0 ? "ACCOUNT SUMMARY" : "Summary of Account Activity");
            foreach (var (label, value) in summary)
            {
                text.AppendLine(layout == 0 ? $"{label,-28}{value,16}" : $"{label} {new string('.', Math.Max(2, 34 - label.Length))} {value}");
            }

            text.AppendLine();
            foreach (var (label, value) in credit)
            {
                text.AppendLine(layout == 0 ? $"{label,-28}{value,16}" : $"{label} {new string('.', Math.Max(2, 34 - label.Length))} {value}");
            }

            text.AppendLine();
            text.AppendLine(layout == 0 ? "PAYMENT INFORMATION" : "Payment Information");
            foreach (var (label, value) in payInfo)
            {
                text.AppendLine(layout == 0 ? $"{label,-28}{value,16}" : $"{label}: {value}");
            }
        }

        text.AppendLine();
        text.AppendLine(draw.Pick("Late Payment Warning:", "LATE PAYMENT WARNING:") +
            $" If we do not receive your minimum payment by the date listed above, you may have to pay a late fee of up to $41.00 and your APRs may be increased up to the variable Penalty APR of {Pct(penaltyApr)}.");
        text.AppendLine();
        text.AppendLine(draw.Pick("Minimum Payment Warning:", "MINIMUM PAYMENT WARNING:") +
            " If you make only the minimum payment each period, you will pay more in interest and it will take you longer to pay off your balance. For example:");
        text.AppendLine("If you make no additional charges using this card and each month you pay...  | You will pay off the balance shown on this statement in about... | And you will end up paying an estimated total of...");
        text.AppendLine(Inv, $"Only the minimum payment | {minYears} years | {Whole(minTotal)}");
        text.AppendLine(Inv, $"{Whole(pay36)} | 3 years | {Whole(total36)} (Savings={Whole(Math.Max(0m, minTotal - total36))})");
        text.AppendLine(Inv, $"If you would like information about credit counseling services, call 1-888-{draw.Next(200, 1000)}-{draw.Next(0, 10_000):D4}.");
        text.AppendLine();

        // Transactions.
        text.AppendLine(draw.Pick("ACCOUNT ACTIVITY", "Transactions", "TRANSACTION DETAIL"));
        text.AppendLine("Trans Date  Description                              Amount");
        text.AppendLine(draw.Pick("PAYMENTS AND OTHER CREDITS", "Payments and Credits"));
        text.AppendLine(Inv, $"{Short(paymentDate)}       {draw.Pick("PAYMENT THANK YOU - WEB", "AUTOPAY PAYMENT - THANK YOU", "ONLINE PAYMENT, THANK YOU"),-40} -{Bare(payment)}");
        if (credits > 0)
        {
            text.AppendLine(Inv, $"{Short(open.AddDays(draw.Next(0, days)))}       {draw.Pick("RETURN AMAZON MKTPL", "CREDIT TARGET 00021485", "STATEMENT CREDIT - REWARDS"),-40} -{Bare(credits)}");
        }

        text.AppendLine(draw.Pick("PURCHASES", "Purchases and Adjustments"));
        foreach (var l in lines.OrderBy(l => l.Date))
        {
            text.AppendLine(Inv, $"{Short(l.Date)}       {l.Description,-40} {Bare(l.Amount)}");
        }

        if (hasCashAdvance)
        {
            text.AppendLine("CASH ADVANCES");
            text.AppendLine(Inv, $"{Short(cashDate)}       {"ATM CASH ADVANCE #" + draw.Next(1000, 9999).ToString(Inv),-40} {Bare(cashAdvance)}");
        }

        text.AppendLine("FEES CHARGED");
        if (cashFee > 0)
        {
            text.AppendLine(Inv, $"{Short(cashDate)}       {"CASH ADVANCE FEE",-40} {Bare(cashFee)}");
        }

        if (lateFee > 0)
        {
            text.AppendLine(Inv, $"{Short(open)}       {"LATE FEE - PAYMENT DUE " + Short(open.AddDays(-3)),-40} {Bare(lateFee)}");
        }

        if (annualFee > 0)
        {
            text.AppendLine(Inv, $"{Short(close)}       {"ANNUAL MEMBERSHIP FEE",-40} {Bare(annualFee)}");
        }

        text.AppendLine(Inv, $"TOTAL FEES FOR THIS PERIOD{"",25}{Bare(fees)}");
        text.AppendLine("INTEREST CHARGED");
        text.AppendLine(Inv, $"{Short(close)}       {"INTEREST CHARGE ON PURCHASES",-40} {Bare(purchaseInterest)}");
        if (hasCashAdvance)
        {
            text.AppendLine(Inv, $"{Short(close)}       {"INTEREST CHARGE ON CASH ADVANCES",-40} {Bare(cashInterest)}");
        }

        if (transferInterest > 0)
        {
            text.AppendLine(Inv, $"{Short(close)}       {"INTEREST CHARGE ON BALANCE TRANSFERS",-40} {Bare(transferInterest)}");
        }

        text.AppendLine(Inv, $"TOTAL INTEREST FOR THIS PERIOD{"",21}{Bare(interest)}");
        text.AppendLine();
        text.AppendLine(Inv, $"{close.Year} Totals Year-to-Date");
        text.AppendLine(Inv, $"Total fees charged in {close.Year}      {M(feesYtd)}");
        text.AppendLine(Inv, $"Total interest charged in {close.Year}  {M(interestYtd)}");
        text.AppendLine();

        // Interest charge calculation.
        text.AppendLine(draw.Pick("INTEREST CHARGE CALCULATION", "Interest Charge Calculation"));
        text.AppendLine(Inv, $"Your Annual Percentage Rate (APR) is the annual interest rate on your account. Days in billing cycle: {days}");
        var rows2 = new List<string[]>
        {
            TableHeader,
            new[] { draw.Pick("Purchases", "PURCHASES", "Standard Purchases"), Pct(purchaseApr) + " (v)", M(purchaseAdb), M(purchaseInterest) },
            new[] { draw.Pick("Cash Advances", "CASH ADVANCES", "Standard Cash"), Pct(cashApr) + " (v)", M(cashAdb), M(cashInterest) },
        };
        if (hasTransfer)
        {
            rows2.Add([draw.Pick("Balance Transfers", "BALANCE TRANSFERS", "Standard Balance Transfer"), Pct(btStandardApr) + " (v)", M(0m), M(0m)]);
            var promoName = draw.Pick("Promo BT Offer 1", "PROMO BALANCE TRANSFER", "Balance Transfer Promotional", "Promotional APR Offer");
            rows2.Add([$"{promoName} (expires {D(btPromoEnd)})", Pct(btPromo), M(transferBalance), M(transferInterest)]);
        }

        foreach (var row in rows2)
        {
            text.AppendLine(layout == 2 ? string.Join(" | ", row) : $"{row[0],-44}{row[1],-30}{row[2],-34}{row[3]}");
        }

        text.AppendLine("(v) = Variable Rate");
        if (draw.OneIn(2))
        {
            text.AppendLine(Inv, $"Daily periodic rate for purchases: {(purchaseApr / 365m).ToString("0.#####", Inv)}%");
        }

        text.AppendLine();
        if (draw.OneIn(2))
        {
            var points = draw.Next(200, 25_000);
            text.AppendLine(Inv, $"REWARDS SUMMARY  Previous points balance {(points + draw.Next(100, 3000)).ToString("#,##0", Inv)}  Points earned this period {draw.Next(50, 900).ToString("#,##0", Inv)}  Available points {points.ToString("#,##0", Inv)}");
        }

        text.AppendLine(Inv, $"Please send payment to: {issuer} Card Services, P.O. Box {draw.Next(1000, 99999)}, {draw.Pick("Wilmington, DE 19886", "Louisville, KY 40290", "Dallas, TX 75266", "Carol Stream, IL 60197")}");
        text.AppendLine(Inv, $"Page {draw.Next(1, 3)} of {draw.Next(3, 6)}");

        var fields = new ExtractedFields
        {
            StatementBalance = newBalance,
            MinimumPayment = minimum,
            NextPaymentDueDate = due,
            InterestRatePct = Norm(purchaseApr),
            CreditLimit = limit,
            AccountLast4 = last4,
        };
        var kind = draw.OneIn(6) ? SourceKind.PortalPage : SourceKind.Statement;
        return new(LiabilityType.CreditCard, kind, issuer, text.ToString().TrimEnd() + "\n", fields);

        string Short(DateOnly d) => d.ToString("MM/dd", Inv);
        static string Bare(decimal a) => a.ToString("#,##0.00", Inv);
    }

    private static string Pct(decimal rate) => rate.ToString("0.00", Inv) + "%";

    private static decimal Interest(decimal balance, decimal apr, int days) => Math.Round(balance * apr / 100m / 365m * days, 2);

    private static decimal Amortized(decimal principal, decimal apr, int months)
    {
        var r = apr / 1200m;
        var growth = 1m;
        for (var i = 0; i < months; i++)
        {
            growth *= 1m + r;
        }

        return r == 0 ? principal / months : principal * r * growth / (growth - 1m);
    }

    private static (int Years, decimal Total) MinimumOnly(decimal balance, decimal apr, decimal floor)
    {
        var total = 0m;
        var months = 0;
        while (balance > 0 && months < 1200)
        {
            var interest = Math.Round(balance * apr / 1200m, 2);
            var pay = Math.Max(floor, Math.Round((balance * 0.01m) + interest, 2));
            pay = Math.Min(pay, balance + interest);
            balance = balance + interest - pay;
            total += pay;
            months++;
        }

        return (Math.Max(1, (int)Math.Round(months / 12m)), Math.Round(total, 0));
    }

    private static decimal Norm(decimal value) => decimal.Parse(value.ToString("0.############", Inv), Inv);
}
