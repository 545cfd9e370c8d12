using System.Globalization;
using System.Text;
using Extraction.Core.Contracts;

namespace Extraction.Tooling.Generation.Families.Blind6;

/// <summary>Either a home-equity line of credit statement (index + margin rate, draw period) or an auto lease early buyout / purchase-option quote.</summary>
internal static class HelocOrLeaseBuyout
{
    public static DocumentFamily Family { get; } = new("heloc-or-lease-buyout", FamilySet.HeldOut, 10,
        "Home-equity line of credit statement with a variable index-plus-margin rate, or an auto lease early buyout quote with a good-through date", Write);

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly string[] HelocLenders =
    [
        "Bank of America", "U.S. Bank", "Citizens", "TD Bank", "PNC Bank", "Fifth Third Bank", "Regions Bank", "BMO Bank",
        "Third Federal Savings and Loan", "Flagstar Bank", "KeyBank", "Truist", "Figure Lending", "Spring EQ",
    ];

    private static readonly (string Lessor, string[] Vehicles)[] Lessors =
    [
        ("Toyota Financial Services", ["2023 Toyota RAV4 XLE", "2024 Toyota Camry SE", "2022 Toyota Highlander XLE"]),
        ("Honda Financial Services", ["2022 Honda CR-V EX", "2023 Honda Accord Sport", "2024 Honda Pilot EX-L"]),
        ("Nissan Motor Acceptance Company", ["2023 Nissan Rogue SV", "2024 Nissan Altima SR"]),
        ("Hyundai Motor Finance", ["2024 Hyundai Tucson SEL", "2023 Hyundai Santa Fe SEL"]),
        ("BMW Financial Services", ["2022 BMW X3 xDrive30i", "2023 BMW 330i xDrive"]),
        ("Mercedes-Benz Financial Services", ["2023 Mercedes-Benz GLC 300", "2024 Mercedes-Benz C 300"]),
        ("Ally Financial", ["2023 Chevrolet Equinox LT", "2022 Jeep Grand Cherokee Limited", "2023 Ford Escape SE"]),
        ("VW Credit, Inc.", ["2022 Volkswagen Tiguan SE", "2024 Volkswagen Atlas SE"]),
        ("Kia Finance America", ["2024 Kia Sportage LX", "2023 Kia Telluride EX"]),
        ("Lexus Financial Services", ["2023 Lexus NX 350", "2024 Lexus RX 350"]),
        ("Subaru Motors Finance", ["2022 Subaru Forester Premium", "2024 Subaru Outback Limited"]),
        ("GM Financial Leasing", ["2023 Chevrolet Equinox LT", "2024 GMC Terrain SLE", "2023 Buick Enclave Essence"]),
    ];

    private static readonly string[] Names =
    [
        "Andrea Collins", "Mark Feldman", "Jasmine Patel", "Oscar Lindgren", "Denise Harper", "Roberto Flores", "Gina Marchetti",
        "Curtis Boyd", "Naomi Sato", "Frank Delaney", "Yvette Moreau", "Isaac Greene",
    ];

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf) =>
        draw.OneIn(2) ? Heloc(draw, asOf) : LeaseBuyout(draw, asOf);

    private static SyntheticDocument Heloc(Draw draw, DateOnly asOf)
    {
        var lender = draw.Pick(HelocLenders);
        var name = draw.Pick(Names);
        var accountNumber = draw.Next(100, 1000).ToString(Inv) + draw.Next(0, 1_000_000).ToString("D6", Inv) + draw.Last4();
        var last4 = accountNumber[^4..];
        var limit = draw.Next(25, 251) * 1000m;
        var close = asOf.AddDays(-draw.Next(2, 8));
        var days = draw.Next(28, 32);
        var open = close.AddDays(-(days - 1));
        var due = close.AddDays(draw.Next(20, 26));

        var index = decimal.Parse(draw.Pick("6.75", "7.00", "7.25", "7.50", "7.75"), Inv);
        var margin = decimal.Parse(draw.Pick("-0.51", "-0.25", "0.00", "0.24", "0.50", "0.75", "1.00", "1.24", "1.50", "1.99", "2.25"), Inv);
        var apr = index + margin;
        var floorRate = decimal.Parse(draw.Pick("3.99", "4.00", "3.25", "5.00"), Inv);

        var inDraw = draw.Next(4) != 0;
        var drawEnd = inDraw ? close.AddMonths(draw.Next(6, 110)) : close.AddMonths(-draw.Next(6, 90));
        drawEnd = new DateOnly(drawEnd.Year, drawEnd.Month, Math.Min(drawEnd.Day, 28));
        var previous = draw.Amount(limit * 0.08m, limit * 0.85m);
        var advance = inDraw && draw.OneIn(3) ? draw.Next(5, 101) * 100m : 0m;
        if (previous + advance > limit)
        {
            advance = 0m;
        }

        var prevInterest = Math.Round(previous * apr / 100m / 365m * draw.Next(28, 32), 2);
        var interestOnly = inDraw && draw.OneIn(3);
        var principalPaid = !inDraw ? Math.Round(previous / draw.Next(120, 240), 2)
            : interestOnly ? (draw.OneIn(3) ? draw.Next(1, 21) * 50m : 0m)
            : Math.Max(0m, Math.Round(previous * 0.01m, 2) - prevInterest) + (draw.OneIn(4) ? draw.Next(1, 11) * 50m : 0m);
        var paymentReceived = prevInterest + principalPaid;
        var principal = previous + advance - principalPaid;
        var advanceDate = open.AddDays(draw.Next(0, days));
        var adb = Math.Round(previous - principalPaid + (advance * (close.DayNumber - advanceDate.DayNumber + 1) / days), 2);
        var interest = Math.Round(adb * apr / 100m / 365m * days, 2);
        var annualFee = draw.OneIn(8) ? decimal.Parse(draw.Pick("50.00", "75.00", "99.00"), Inv) : 0m;

        decimal minimum;
        string rule;
        if (inDraw)
        {
            if (interestOnly)
            {
                minimum = Math.Max(interest + annualFee, Math.Min(principal, 100m));
                rule = "During the draw period, your minimum payment is the interest charged for the billing cycle plus any fees, or $100, whichever is greater.";
            }
            else
            {
                var onePct = Math.Round(principal * 0.01m, 2);
                minimum = Math.Max(interest, onePct) + annualFee;
                rule = "During the draw period, your minimum payment is the greater of 1% of the principal balance or the finance charge, plus fees.";
            }
        }
        else
        {
            minimum = Math.Round((principal / draw.Next(120, 240)) + interest + annualFee, 2);
            rule = "Your line is in the repayment period: the minimum payment repays principal over the remaining term plus the finance charge.";
        }

        var available = inDraw ? Math.Max(0m, limit - principal) : 0m;
        var ytdInterest = interest + Math.Round(interest * (close.Month - 1) * (0.9m + (draw.Next(0, 20) / 100m)), 2);
        var dollar = draw.Next(3) != 0;
        string M(decimal a) => (dollar ? "$" : "") + a.ToString("#,##0.00", Inv);
        var dateFormat = draw.Pick("MM/dd/yyyy", "MMM d, yyyy", "MM/dd/yy");
        string D(DateOnly d) => d.ToString(dateFormat, Inv);

        var principalLabel = draw.Pick("Principal Balance", "Outstanding Principal Balance", "Ending Principal Balance", "Current Principal Balance");
        var limitLabel = draw.Pick("Credit Limit", "Credit Line", "Line Amount", "Approved Credit Limit");
        var minLabel = draw.Pick("Minimum Payment Due", "Minimum Payment", "Total Minimum Payment Due");
        var dueLabel = draw.Pick("Payment Due Date", "Due Date", "Payment Due");
        var masked = draw.OneIn(2) ? accountNumber : "XXXX-XXXX-" + last4;

        var text = new StringBuilder();
        text.AppendLine(Inv, $"{lender} {draw.Pick("Home Equity Line of Credit", "Home Equity Line Statement", "HELOC Statement", "Equity Line Account Statement")}");
        text.AppendLine(Inv, $"{name.ToUpperInvariant()}");
        text.AppendLine(Inv, $"Account Number: {masked}");
        text.AppendLine(Inv, $"Statement Period: {D(open)} to {D(close)}   ({days} days)");
        text.AppendLine();
        var layout = draw.Next(2);
        var summary = new List<(string, string)>
        {
            ("Previous Principal Balance", M(previous)),
            ("Advances", "+" + M(advance)),
            ("Principal Paid", "-" + M(principalPaid)),
            (principalLabel, M(principal)),
            ("", ""),
            ("Interest Charged This Period", M(interest)),
            ("Fees Charged", M(annualFee)),
            ("Payments Received", M(paymentReceived)),
            ("", ""),
            (limitLabel, M(limit)),
            ("Available Credit", M(available)),
        };
        var payment = new List<(string, string)>
        {
            (minLabel, M(minimum)),
            (dueLabel, D(due)),
            ("Past Due Amount", M(0m)),
        };
        if (layout == 0)
        {
            text.AppendLine("ACCOUNT SUMMARY");
            foreach (var (l, v) in summary)
            {
                text.AppendLine(l.Length == 0 ? "" : $"  {l,-34}{v,16}");
            }

            text.AppendLine();
            text.AppendLine("PAYMENT INFORMATION");
            foreach (var (l, v) in payment)
            {
                text.AppendLine(Inv, $"  {l,-34}{v,16}");
            }
        }
        else
        {
            text.AppendLine(Inv, $"{"Payment Information",-44}Line Summary");
            var right = summary.Where(s => s.Item1.Length > 0).ToList();
            for (var i = 0; i < Math.Max(payment.Count, right.Count); i++)
            {
                var left = i < payment.Count ? $"{payment[i].Item1}: {payment[i].Item2}" : "";
                var r = i < right.Count ? $"{right[i].Item1}: {right[i].Item2}" : "";
                text.AppendLine(string.Create(Inv, $"{left,-44}{r}").TrimEnd());
            }
        }

        text.AppendLine();
        text.AppendLine(draw.Pick("RATE INFORMATION", "Variable Rate Information", "Interest Rate Details"));
        var indexName = draw.Pick("Prime Rate (as published in The Wall Street Journal)", "WSJ Prime Rate", "Index (Prime Rate)");
        var marginText = margin < 0 ? "-" + (-margin).ToString("0.00", Inv) + "%" : "+" + margin.ToString("0.00", Inv) + "%";
        text.AppendLine(Inv, $"  {indexName}: {index.ToString("0.00", Inv)}%");
        text.AppendLine(Inv, $"  Margin: {marginText}");
        text.AppendLine(Inv, $"  {draw.Pick("Annual Percentage Rate (APR)", "Current APR", "ANNUAL PERCENTAGE RATE")}: {apr.ToString("0.00", Inv)}% (variable)");
        if (draw.OneIn(2))
        {
            text.AppendLine(Inv, $"  Daily Periodic Rate: {(apr / 365m).ToString("0.000000", Inv)}%");
        }

        text.AppendLine(Inv, $"  Minimum APR (floor): {floorRate.ToString("0.00", Inv)}%   Maximum APR: 18.00%");
        text.AppendLine(Inv, $"  Average Daily Balance: {M(adb)}");
        text.AppendLine();
        text.AppendLine(inDraw
            ? $"Draw Period Ends: {D(drawEnd)}   Repayment Period: {draw.Pick("20", "15", "10")} years"
            : $"Your draw period ended on {D(drawEnd)}. No further advances may be taken.");
        text.AppendLine(rule);
        text.AppendLine();
        if (advance > 0)
        {
            text.AppendLine("TRANSACTIONS");
            text.AppendLine(Inv, $"  {D(advanceDate)}  ADVANCE - {draw.Pick("ONLINE TRANSFER TO CHECKING", "EQUITY LINE CHECK #1043", "BRANCH ADVANCE")}  {M(advance)}");
            text.AppendLine(Inv, $"  {D(open.AddDays(draw.Next(0, 10)))}  PAYMENT RECEIVED - THANK YOU  -{M(paymentReceived)}");
            text.AppendLine();
        }

        text.AppendLine(Inv, $"Interest paid year-to-date {close.Year}: {M(ytdInterest)}  (for your tax records; consult your tax advisor)");
        text.AppendLine(Inv, $"Questions? Call 1-{draw.Pick("800", "877", "888")}-{draw.Next(200, 1000)}-{draw.Next(0, 10_000):D4}. NMLS #{draw.Next(10_000, 999_999)}. Equal Housing Lender.");

        var fields = new ExtractedFields
        {
            PrincipalBalance = principal,
            MinimumPayment = minimum,
            NextPaymentDueDate = due,
            InterestRatePct = Norm(apr),
            CreditLimit = limit,
            AccountLast4 = last4,
        };
        return new(LiabilityType.Other, SourceKind.Statement, lender, text.ToString().TrimEnd() + "\n", fields);
    }

    private static SyntheticDocument LeaseBuyout(Draw draw, DateOnly asOf)
    {
        var (lessor, vehicles) = Lessors[draw.Next(Lessors.Length)];
        var name = draw.Pick(Names);
        var vehicle = draw.Pick(vehicles);
        var accountNumber = draw.Next(10, 100).ToString(Inv) + draw.Next(0, 10_000).ToString("D4", Inv) + draw.Last4();
        var last4 = accountNumber[^4..];
        var quoteDate = asOf.AddDays(-draw.Next(0, 3));
        var goodThrough = quoteDate.AddDays(PickInt(draw, 7, 10, 10, 14, 15, 20));
        var term = PickInt(draw, 24, 36, 36, 39, 42);
        var remaining = draw.Next(2, term - 5);
        var maturity = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(remaining).AddDays(draw.Next(0, 27));
        var basePayment = draw.Amount(249m, 689m);
        var taxRate = decimal.Parse(draw.Pick("6.25", "7.00", "6.00", "8.25", "4.00", "5.30", "6.35"), Inv);
        var monthly = Math.Round(basePayment * (1m + (taxRate / 100m)), 2);
        var residual = draw.Next(140, 380) * 100m + draw.Next(0, 100);
        var remainingPayments = basePayment * remaining;
        var unearnedRent = Math.Round(remainingPayments * (0.06m + (draw.Next(0, 12) / 100m)), 2);
        var lateCharges = draw.OneIn(6) ? draw.Amount(15m, 45m) : 0m;
        var optionFee = decimal.Parse(draw.Pick("300.00", "350.00", "395.00", "495.00", "250.00", "0.00"), Inv);
        var adjusted = remainingPayments - unearnedRent + residual;
        var tax = Math.Round((adjusted + optionFee) * taxRate / 100m, 2);
        var titleFees = draw.OneIn(2) ? draw.Amount(75m, 240m) : 0m;
        var total = adjusted + optionFee + tax + titleFees + lateCharges;
        var earlyTermination = Math.Round((remainingPayments * 0.55m) + 395m, 2);
        var nextDue = asOf.AddDays(draw.Next(3, 25));
        var statesNext = draw.OneIn(2);
        var moneyFactor = draw.OneIn(3) ? (draw.Next(40, 300) / 100_000m).ToString("0.00000", Inv) : null;
        var odometer = draw.Next(8_000, 52_000);

        var dollar = draw.Next(4) != 0;
        string M(decimal a) => (dollar ? "$" : "") + a.ToString("#,##0.00", Inv);
        var dateFormat = draw.Pick("MM/dd/yyyy", "MMMM d, yyyy", "MM/dd/yy");
        string D(DateOnly d) => d.ToString(dateFormat, Inv);
        var portal = draw.OneIn(3);
        var totalLabel = draw.Pick("Total Purchase Amount", "Lease Payoff Amount", "TOTAL BUYOUT PRICE", "Total Amount Due to Purchase");
        var goodLabel = draw.Pick("Quote Good Through", "This quote is valid through", "Good Through Date", "Payoff good through");

        var text = new StringBuilder();
        if (portal)
        {
            text.AppendLine(Inv, $"{lessor} | My Account > Lease > {draw.Pick("Get a Payoff Quote", "Purchase Your Vehicle", "Lease Buyout Quote")}");
            text.AppendLine(Inv, $"Signed in as {name}   |   Lease account ...{last4}");
        }
        else
        {
            text.AppendLine(lessor);
            text.AppendLine(Inv, $"P.O. Box {draw.Next(1000, 99999)}, {draw.Pick("Dallas, TX 75266", "Torrance, CA 90509", "Franklin, TN 37068", "Hilliard, OH 43026")}");
            text.AppendLine();
            text.AppendLine(D(quoteDate));
            text.AppendLine(name);
            text.AppendLine();
            text.AppendLine(draw.Pick("LEASE PURCHASE OPTION QUOTE", "EARLY LEASE BUYOUT QUOTE", "Lease Payoff Quote"));
            text.AppendLine(Inv, $"Lease Account Number: {accountNumber}");
        }

        text.AppendLine(Inv, $"Vehicle: {vehicle}   VIN: {Vin(draw)}   Odometer (reported): {odometer.ToString("#,##0", Inv)} mi");
        text.AppendLine(Inv, $"Lease term: {term} months   Maturity date: {D(maturity)}   Payments remaining: {remaining}");
        if (moneyFactor is not null)
        {
            text.AppendLine(Inv, $"Money factor: {moneyFactor}");
        }

        text.AppendLine();
        text.AppendLine(draw.Pick("Purchase amount if you buy your vehicle now:", "Early purchase calculation", "HOW YOUR PURCHASE PRICE IS CALCULATED"));
        var rows = new List<(string, decimal)>
        {
            ($"Remaining monthly payments ({remaining} x {M(basePayment)}, before tax)", remainingPayments),
            ("Less unearned rent charges", -unearnedRent),
            ("Residual value (contract purchase option price)", residual),
            ("Adjusted lease balance", adjusted),
            ("Purchase option fee", optionFee),
            ($"Estimated sales/use tax ({taxRate.ToString("0.00", Inv)}%)", tax),
        };
        if (titleFees > 0)
        {
            rows.Add(("Estimated title and registration fees", titleFees));
        }

        if (lateCharges > 0)
        {
            rows.Add(("Unpaid late charges", lateCharges));
        }

        foreach (var (l, v) in rows)
        {
            text.AppendLine(Inv, $"  {l,-62}{(v < 0 ? "(" + M(-v) + ")" : M(v)),14}");
        }

        text.AppendLine(Inv, $"  {totalLabel,-62}{M(total),14}");
        text.AppendLine();
        text.AppendLine(Inv, $"{goodLabel}: {D(goodThrough)}");
        text.AppendLine(draw.Pick(
            "If we receive your funds after this date, please request a new quote. Sales tax is estimated and may be adjusted by your state's motor vehicle agency.",
            "Funds received after the good-through date will not be accepted as payment in full; request an updated quote.",
            "Quote is void after the date shown. Taxes and fees are estimates."));
        if (statesNext)
        {
            text.AppendLine(draw.Pick(
                $"Your next monthly payment of {M(monthly)} is due on {D(nextDue)}. Please continue making payments until the purchase is complete.",
                $"Note: your regular lease payment of {M(monthly)} (including tax) is still due on {D(nextDue)} and is not included above."));
        }

        text.AppendLine();
        text.AppendLine(Inv, $"If you prefer to return the vehicle early instead, the estimated early termination charge is {M(earlyTermination)} plus any excess wear and mileage charges.");
        text.AppendLine(Inv, $"At lease maturity you may purchase the vehicle for the residual value of {M(residual)} plus the purchase option fee and applicable taxes.");
        if (draw.OneIn(2))
        {
            text.AppendLine("Third-party and dealer purchases of this lease are not permitted; only the lessee may purchase the vehicle.");
        }

        text.AppendLine(Inv, $"Questions? Call 1-{draw.Pick("800", "888", "866")}-{draw.Next(200, 1000)}-{draw.Next(0, 10_000):D4}, option {draw.Next(1, 6)}.");

        var fields = new ExtractedFields
        {
            PayoffAmount = total,
            PayoffGoodThrough = goodThrough,
            NextPaymentAmount = statesNext ? monthly : null,
            NextPaymentDueDate = statesNext ? nextDue : null,
            AccountLast4 = last4,
        };
        return new(LiabilityType.AutoLoan, portal ? SourceKind.PortalPage : SourceKind.PayoffLetter, lessor, text.ToString().TrimEnd() + "\n", fields);
    }

    private static string Vin(Draw draw)
    {
        const string chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
        var vin = new StringBuilder();
        for (var i = 0; i < 17; i++)
        {
            vin.Append(chars[draw.Next(chars.Length)]);
        }

        return vin.ToString();
    }

    private static int PickInt(Draw draw, params int[] options) => options[draw.Next(options.Length)];

    private static decimal Norm(decimal value) => decimal.Parse(value.ToString("0.############", Inv), Inv);
}
