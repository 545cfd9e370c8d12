using System.Globalization;
using System.Text;
using Extraction.Core.Contracts;

namespace Extraction.Tooling.Generation.Families.Blind5;

/// <summary>An exported text-message thread from a card issuer's or lender's short code: statement and payment alerts over several weeks, fraud and purchase alerts, one-time codes and keyword replies; the current alert is the answer.</summary>
internal static class SmsAlertThread
{
    public static DocumentFamily Family { get; } = new("sms-alert-thread", FamilySet.HeldOut, 10,
        "SMS alert thread from a card issuer or lender: older and current statement/payment alerts, fraud alerts, codes, keyword replies", Write);

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly string[] CardBrands = ["Crestline|Crestline Bank", "Atlas Card|Atlas Rewards Visa", "Paragon|Paragon Card Services", "Harborview|Harborview Bank", "NorthstarCard|Northstar Financial", "SequoiaCU|Sequoia Credit Union"];

    private static readonly string[] AutoBrands = ["KMA Auto|Keystone Motor Acceptance", "Cardinal VF|Cardinal Vehicle Finance", "SummitRidge|Summit Ridge Auto Finance", "NorthPoint|NorthPoint Auto Finance"];

    private static readonly string[] PersonalBrands = ["Lendwell|Lendwell Personal Loans", "BrightPath|BrightPath Lending", "Upland|Upland Consumer Finance"];

    private static readonly string[] MortgageBrands = ["Cornerstone HL|Cornerstone Home Loan Servicing", "Bayfront Mtg|Bayfront Mortgage Company", "Lakemont|Lakemont Mortgage Services"];

    private static readonly string[] Merchants = ["SHELL OIL 5744", "AMAZON MKTPLACE", "TARGET T-1842", "UBER *TRIP", "STARBUCKS #22091", "WALMART SC 3321", "NETFLIX.COM", "COSTCO WHSE #0412", "DOORDASH*CHIPOTLE", "APPLE.COM/BILL"];

    private sealed record Sms(DateTime At, bool FromMe, string Text);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var pick = draw.Next(10);
        var type = pick switch
        {
            < 6 => LiabilityType.CreditCard,
            < 8 => LiabilityType.AutoLoan,
            8 => LiabilityType.PersonalLoan,
            _ => LiabilityType.Mortgage,
        };
        var brandPair = (type switch
        {
            LiabilityType.CreditCard => draw.Pick(CardBrands),
            LiabilityType.AutoLoan => draw.Pick(AutoBrands),
            LiabilityType.PersonalLoan => draw.Pick(PersonalBrands),
            _ => draw.Pick(MortgageBrands),
        }).Split('|');
        var (brand, lender) = (brandPair[0], brandPair[1]);
        var last4 = draw.Last4();
        var shortCode = draw.Next(20_000, 99_999).ToString(Inv);
        var shortDate = draw.Next(3);
        string Sd(DateOnly d) => shortDate switch
        {
            0 => d.ToString("MM/dd", Inv),
            1 => d.ToString("MMM d", Inv),
            _ => d.ToString("M/d", Inv),
        };
        var money = draw.Next(2);
        string M(decimal v) => money == 0 ? v.ToString("$#,##0.00", Inv) : v.ToString("$0.00", Inv);
        var stop = draw.Pick(" Reply STOP to end", " Txt STOP to opt out", " Msg&data rates may apply. STOP to cancel", "", "");
        var acctRef = draw.Pick($"acct ending {last4}", $"card ending in {last4}", $"acct ...{last4}", $"account x{last4}");
        if (type != LiabilityType.CreditCard)
        {
            acctRef = draw.Pick($"acct ending {last4}", $"loan ending in {last4}", $"acct ...{last4}", $"loan x{last4}");
        }

        var messages = new List<Sms>();
        DateTime At(DateOnly d) => (d > asOf ? asOf : d).ToDateTime(new TimeOnly(draw.Next(7, 21), draw.Next(60), draw.Next(60)));
        ExtractedFields fields;

        if (type == LiabilityType.CreditCard)
        {
            var limit = 500m * draw.Next(2, 41);
            var closing = asOf.AddDays(-draw.Next(1, 12));
            var due = closing.AddDays(draw.Next(21, 26));
            var prevClosing = closing.AddMonths(-1);
            var prevDue = due.AddMonths(-1);
            var prevBal = draw.Amount(limit * 0.05m, limit * 0.7m);
            var prevMin = Math.Max(35m, Math.Round(prevBal * 0.02m, 0));
            var bal = draw.Amount(limit * 0.05m, limit * 0.8m);
            var min = Math.Max(35m, Math.Round(bal * 0.02m, 0));
            min = Math.Min(min, bal);
            var newLimit = limit + (500m * draw.Next(2, 11));
            var limitRaised = draw.OneIn(4);
            var stateLimit = limitRaised || draw.OneIn(4);
            var cardLimit = limitRaised ? newLimit : limit;

            messages.Add(new Sms(At(prevClosing.AddDays(draw.Next(0, 2))), false, StatementAlert(draw, brand, prevBal, prevMin, prevDue, Sd, M, acctRef, stop, prevClosing)));
            if (draw.OneIn(2))
            {
                messages.Add(new Sms(At(prevClosing.AddDays(draw.Next(2, 9))), false, $"{brand}: A {M(draw.Amount(4m, 180m))} transaction at {draw.Pick(Merchants)} was made on your {acctRef}.{stop}"));
            }

            messages.Add(new Sms(At(prevDue.AddDays(-draw.Next(3, 6))), false, draw.Pick(
                $"{brand}: Reminder - your min pmt of {M(prevMin)} is due {Sd(prevDue)} for {acctRef}.",
                $"{brand} Alert: Payment due {Sd(prevDue)}. Min due {M(prevMin)}, stmt bal {M(prevBal)}. Pay at {brand.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal)}.com/pay")));
            var paid = draw.OneIn(2) ? prevBal : draw.Amount(prevMin, prevBal);
            var paidOn = prevDue.AddDays(-draw.Next(0, 3));
            messages.Add(new Sms(At(paidOn), false, draw.Pick(
                $"{brand}: We received your payment of {M(paid)} on {Sd(paidOn)}. Thank you!",
                $"{brand}: Pmt of {M(paid)} posted to {acctRef}. It may take up to 3 days for available credit to update.")));
            if (draw.OneIn(2))
            {
                var fraudDate = prevDue.AddDays(draw.Next(1, Math.Max(2, closing.DayNumber - prevDue.DayNumber)));
                if (fraudDate >= closing)
                {
                    fraudDate = closing.AddDays(-1);
                }

                var fraudAt = At(fraudDate);
                messages.Add(new Sms(fraudAt, false, $"{brand} Fraud Alert: Did you attempt a {M(draw.Amount(45m, 900m))} purchase at {draw.Pick("ONLINE ELECTRONICS", "BESTBUY.COM", "WALMART.COM", "GIFTCARDMALL")} on {acctRef}? Reply YES or NO."));
                var yes = draw.OneIn(2);
                messages.Add(new Sms(fraudAt.AddMinutes(draw.Next(1, 9)), true, yes ? "YES" : "NO"));
                messages.Add(new Sms(fraudAt.AddMinutes(10), false, yes
                    ? $"{brand}: Thanks for confirming. You can continue to use your card."
                    : $"{brand}: We declined the transaction and placed a temporary block. Call 1-800-555-01{draw.Next(10, 100).ToString(Inv)} (24/7) to review recent activity."));
            }

            if (draw.OneIn(3))
            {
                messages.Add(new Sms(At(closing.AddDays(-draw.Next(1, 5))), false, $"{draw.Next(100_000, 999_999).ToString(Inv)} is your {brand} verification code. Don't share this code with anyone; we will never call to ask for it."));
            }

            messages.Add(new Sms(At(closing.AddDays(draw.Next(0, 2))), false, StatementAlert(draw, brand, bal, min, due, Sd, M, acctRef, stop, closing)));
            if (limitRaised)
            {
                messages.Add(new Sms(At(closing.AddDays(draw.Next(1, 4))), false, $"{brand}: Good news! Your credit limit on {acctRef} has been increased to {M(newLimit)}, effective immediately."));
            }

            if (stateLimit && !limitRaised)
            {
                var current = bal + draw.Amount(5m, Math.Max(10m, (limit - bal) * 0.3m));
                var askAt = At(asOf);
                messages.Add(new Sms(askAt, true, draw.Pick("BAL", "Bal", "balance")));
                messages.Add(new Sms(askAt.AddMinutes(1), false, $"{brand}: {acctRef}: Current bal {M(current)}. Avail credit {M(limit - current)}. Credit limit {M(limit)}. Last stmt bal {M(bal)}."));
            }
            else if (draw.OneIn(2))
            {
                messages.Add(new Sms(At(asOf), false, $"{brand}: A {M(draw.Amount(4m, 150m))} transaction at {draw.Pick(Merchants)} was made on your {acctRef}.{stop}"));
            }

            fields = new ExtractedFields
            {
                StatementBalance = bal,
                MinimumPayment = min,
                NextPaymentDueDate = due,
                CreditLimit = stateLimit ? cardLimit : null,
                AccountLast4 = last4,
            };
        }
        else
        {
            var mortgage = type == LiabilityType.Mortgage;
            var pmt = mortgage ? draw.Amount(900m, 4_200m) : draw.Amount(140m, 960m);
            var due = mortgage ? new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(1) : asOf.AddDays(draw.Next(4, 24));
            var prevDue = due.AddMonths(-1);
            var changed = mortgage && draw.OneIn(3);
            var oldPmt = changed ? pmt - draw.Amount(20m, 260m) : pmt;
            var rate = Math.Round(mortgage ? 0.125m * draw.Next(20, 60) : draw.Rate(4m, 22m), 3);
            var principal = mortgage ? draw.Amount(60_000m, 480_000m) : draw.Amount(1_500m, 30_000m);
            messages.Add(new Sms(At(prevDue.AddDays(-draw.Next(3, 8))), false, draw.Pick(
                $"{brand}: Your pmt of {M(oldPmt)} is due {Sd(prevDue)}. {acctRef}.{stop}",
                $"{brand}: Reminder - {(mortgage ? "mortgage" : "loan")} payment of {M(oldPmt)} due {Sd(prevDue)} on {acctRef}.")));
            var paidOn = prevDue.AddDays(draw.Next(-4, 1));
            messages.Add(new Sms(At(paidOn), false, draw.Pick(
                $"{brand}: Pmt of {M(oldPmt)} rec'd {Sd(paidOn)}. Thank you!",
                $"{brand}: We received your payment of {M(oldPmt)}. Confirmation #{draw.Next(10_000_000, 99_999_999).ToString(Inv)}.")));
            if (changed)
            {
                messages.Add(new Sms(At(prevDue.AddDays(draw.Next(5, 12))), false, $"{brand}: Your escrow analysis is complete. Your new monthly pmt of {M(pmt)} starts with the {Sd(due)} payment. Details at myloan.{brand.Split(' ')[0].ToLowerInvariant()}.com"));
            }

            var autopay = draw.OneIn(3);
            var reminderDay = due.AddDays(-draw.Next(3, 8));
            if (reminderDay > asOf)
            {
                reminderDay = asOf;
            }

            messages.Add(new Sms(At(reminderDay), false, autopay
                ? $"{brand}: Your AutoPay of {M(pmt)} for {acctRef} is scheduled for {Sd(due)}.{stop}"
                : draw.Pick(
                    $"{brand}: Your pmt of {M(pmt)} is due {Sd(due)}. {acctRef}.{stop}",
                    $"{brand}: Next pmt {M(pmt)} due {Sd(due)} on {acctRef}. Pay by text: reply PAY.")));
            var askBal = draw.OneIn(2);
            var rateStated = false;
            var askPayoff = !mortgage && draw.OneIn(2);
            decimal? payoff = null;
            DateOnly? good = null;
            var askAt = At(asOf);
            if (askBal)
            {
                messages.Add(new Sms(askAt, true, draw.Pick("BAL", "bal", "Balance")));
                rateStated = draw.OneIn(2);
                messages.Add(new Sms(askAt.AddMinutes(1), false, $"{brand}: {acctRef}: Prin bal {M(principal)}. Next pmt {M(pmt)} due {Sd(due)}.{(rateStated ? $" Rate {rate.ToString("0.###", Inv)}%." : "")}"));
            }

            if (askPayoff)
            {
                var p = principal + Math.Round(principal * rate / 36_500m * draw.Next(12, 40), 2);
                var g = asOf.AddDays(int.Parse(draw.Pick("7", "10", "10", "14"), Inv));
                payoff = p;
                good = g;
                messages.Add(new Sms(askAt.AddMinutes(5), true, "PAYOFF"));
                messages.Add(new Sms(askAt.AddMinutes(6), false, $"{brand}: Payoff amt for {acctRef} is {M(p)}, good thru {g.ToString("MM/dd/yy", Inv)}. Call 1-888-555-01{draw.Next(10, 100).ToString(Inv)} to pay."));
            }

            fields = new ExtractedFields
            {
                NextPaymentAmount = pmt,
                NextPaymentDueDate = due,
                PrincipalBalance = askBal ? principal : null,
                InterestRatePct = rateStated ? rate : null,
                PayoffAmount = payoff,
                PayoffGoodThrough = good,
                AccountLast4 = last4,
            };
        }

        return new SyntheticDocument(type, SourceKind.Other, lender, Render(draw, [.. messages.OrderBy(m => m.At)], brand, shortCode, asOf), fields);
    }

    private static string StatementAlert(Draw draw, string brand, decimal bal, decimal min, DateOnly due, Func<DateOnly, string> sd, Func<decimal, string> m, string acctRef, string stop, DateOnly closing) => draw.Next(4) switch
    {
        0 => $"{brand}: Your stmt bal of {m(bal)} is due {sd(due)}. Min pmt {m(min)}.{stop}",
        1 => $"{brand}: Your {closing.ToString("MMM", Inv)} statement is ready. Stmt bal {m(bal)}, min pmt {m(min)} due {sd(due)}. {acctRef}",
        2 => $"{brand} Alert: New stmt for {acctRef}. Bal: {m(bal)} Min due: {m(min)} Due: {sd(due)}",
        _ => $"{brand}: Statement balance {m(bal)}; minimum payment {m(min)} due by {sd(due)} for {acctRef}.{stop}",
    };

    private static string Render(Draw draw, List<Sms> messages, string brand, string shortCode, DateOnly asOf)
    {
        var sb = new StringBuilder();
        switch (draw.Next(3))
        {
            case 0: // SMS backup export
                sb.Append(Inv, $"Conversation with {shortCode} ({brand})\nExported {asOf.ToString("MMM d, yyyy", Inv)}\n\n");
                foreach (var m in messages)
                {
                    sb.Append(Inv, $"{m.At.ToString("MMM d, yyyy h:mm:ss tt", Inv)}  [{(m.FromMe ? "Sent" : "Received")}]\n{m.Text}\n\n");
                }

                break;
            case 1: // phone screen, relative day headers
                sb.Append(Inv, $"< {shortCode}\nText Message\n");
                DateOnly? lastDay = null;
                foreach (var m in messages)
                {
                    var day = DateOnly.FromDateTime(m.At);
                    if (day != lastDay)
                    {
                        var header = day == asOf ? "Today" : day == asOf.AddDays(-1) ? "Yesterday" : day.Year == asOf.Year ? m.At.ToString("ddd, MMM d", Inv) : m.At.ToString("MMM d, yyyy", Inv);
                        sb.Append(Inv, $"\n{header} {m.At.ToString("h:mm tt", Inv)}\n");
                        lastDay = day;
                    }

                    sb.Append(m.FromMe ? $"                                   {m.Text}\n" : $"{m.Text}\n");
                }

                sb.Append("\nText Message").Append(draw.OneIn(2) ? "\nDelivered\n" : "\n");
                break;
            default: // CSV export
                sb.Append("date,address,type,body\n");
                foreach (var m in messages)
                {
                    sb.Append(Inv, $"{m.At.ToString("yyyy-MM-dd HH:mm:ss", Inv)},{shortCode},{(m.FromMe ? "sent" : "inbox")},\"{m.Text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"\n");
                }

                break;
        }

        return sb.ToString();
    }
}
