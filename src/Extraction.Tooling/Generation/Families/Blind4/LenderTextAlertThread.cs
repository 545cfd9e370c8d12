using System.Globalization;
using System.Text;
using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.Blind4.Blind4Draws;
using static Extraction.Tooling.Generation.Kit.Formatting;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.Blind4;

internal static class LenderTextAlertThread
{
    public static DocumentFamily Family { get; } = new("lender-text-alert-thread", FamilySet.HeldOut, 10, "An exported SMS thread with a card issuer or servicer: short alerts, keyword replies, abbreviations and short links.", Write);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var messages = new List<(DateTime At, bool Me, string Text)>();
        var hosts = (Statement: "", Pay: "");
        DateTime At(DateOnly d, int hour) => d.ToDateTime(new TimeOnly(hour, draw.Next(0, 60)));
        var last4 = draw.Last4();
        var kind = draw.Next(5);
        string lender, tag, code;
        LiabilityType type;
        ExtractedFields gold;
        var md = draw.Pick("M/d", "MM/dd", "M/d/yy", "MMM d");
        string Dt(DateOnly d) => d.ToString(md, Inv);
        string Link(string host) => $"https://{host}/{ShortCode(draw)}";
        switch (kind)
        {
            case 0 or 1:
            {
                (lender, tag, code, hosts) = draw.Next(4) switch
                {
                    0 => ("Discover", "Discover", "347268", ("dscvr.co/s", "dscvr.co/p")),
                    1 => ("Capital One", "Capital One", "227898", ("c1.co/st", "c1.co/pay")),
                    2 => ("Synchrony Bank", "Synchrony", "56457", ("syf.me/s", "syf.me/p")),
                    _ => ("Citi", "Citi Alert", "692484", ("citi.us/st", "citi.us/p")),
                };
                type = LiabilityType.CreditCard;
                var limit = 500m * draw.Next(2, 41);
                var statement = Math.Round((limit * draw.Amount(0.05m, 0.85m)) + draw.Amount(0m, 4.99m), 2);
                var minimum = Math.Min(statement, Math.Max(35m, decimal.Floor(statement * 0.02m) + draw.Amount(0m, 25m)));
                minimum = Math.Round(minimum, 2);
                var closing = asOf.AddDays(-draw.Next(2, 12));
                var due = closing.AddDays(draw.Next(23, 28));
                var spend = draw.Amount(8m, 160m);
                var current = statement + spend;
                var paid = draw.Amount(35m, 500m);
                var showLimit = draw.OneIn(2);
                messages.Add((At(closing.AddDays(-draw.Next(3, 15)), 12), false, $"{tag}: Payment of {Usd(paid)} posted to card ending {last4}. Thank you!"));
                messages.Add((At(closing, 9), false, $"{tag}: Your statement is ready. Stmt bal {Usd(statement)}, min pmt {Usd(minimum)} due {Dt(due)}. View: {Link(hosts.Statement)} Reply STOP to end"));
                messages.Add((At(asOf.AddDays(-1), 19), false, $"{tag}: A {Usd(spend)} transaction was made at {draw.Pick("SHELL OIL", "WALGREENS", "TARGET T-", "KROGER #", "AMZN Mktp US")} {draw.Next(0, 10000).ToString("D4", Inv)} on card ending {last4}. Not you? Reply NO."));
                messages.Add((At(asOf, 8), true, "BAL"));
                messages.Add((At(asOf, 8), false, $"{tag}: Acct ending {last4} as of {Dt(asOf)}: Current bal {Usd(current)}. Avail credit {Usd(limit - current)}.{(showLimit ? $" Credit line {Usd(limit)}." : "")} Last stmt bal {Usd(statement)}."));
                if (draw.OneIn(2))
                {
                    messages.Add((At(asOf, 8), true, "DUE"));
                    messages.Add((At(asOf, 8), false, $"{tag}: Min pmt {Usd(minimum)} due {Dt(due)}. Pay in app: {Link(hosts.Pay)} Msg&data rates may apply."));
                }

                gold = new ExtractedFields { StatementBalance = statement, MinimumPayment = minimum, NextPaymentDueDate = due, CreditLimit = showLimit ? limit : null, AccountLast4 = last4 };
                break;
            }

            case 2:
            {
                (lender, tag, code, hosts) = draw.Next(3) switch
                {
                    0 => ("LendingPoint", "LendingPoint", "39428", ("lpt.co/p", "lpt.co/o")),
                    1 => ("Upgrade", "Upgrade", "87342", ("upgr.de/p", "upgr.de/o")),
                    _ => ("OneMain Financial", "OneMain", "663662", ("omf.link/p", "omf.link/o")),
                };
                type = LiabilityType.PersonalLoan;
                var principal = draw.Amount(1_800m, 24_000m);
                var rate = Math.Round(draw.Rate(8.9m, 35.9m), 2);
                var payment = Installment(principal, rate, draw.Next(14, 60));
                var due = asOf.AddDays(draw.Next(3, 25));
                var payoffBy = asOf.AddDays(draw.Next(7, 16));
                var payoff = principal + Math.Round(PerDiem(principal, rate, 365, MidpointRounding.AwayFromZero) * (payoffBy.DayNumber - due.AddMonths(-1).DayNumber), 2);
                var askPayoff = draw.OneIn(2);
                var first = Person(draw).Split(' ')[0];
                messages.Add((At(due.AddMonths(-1), 10), false, $"{tag}: We received your payment of {Usd(payment)}. Thank you, {first}!"));
                messages.Add((At(asOf.AddDays(-draw.Next(1, 6)), 11), false, $"{tag}: Hi {first}, your pmt of {Usd(payment)} for loan ending {last4} is due {Dt(due)}. Pay: {Link(hosts.Statement)} Reply STOP to opt out."));
                messages.Add((At(asOf, 13), true, "BAL"));
                messages.Add((At(asOf, 13), false, $"{tag}: Loan ••{last4}: principal bal {Usd(principal)} as of {Dt(asOf)}. Next pmt {Usd(payment)} due {Dt(due)}. Reply PAYOFF for a payoff quote."));
                if (askPayoff)
                {
                    messages.Add((At(asOf, 13), true, "PAYOFF"));
                    messages.Add((At(asOf, 13), false, $"{tag}: Your payoff amount is {Usd(payoff)}, good through {payoffBy.ToString("MM/dd/yyyy", Inv)}. Amounts change daily. For a letter call {TollFree(draw)}."));
                }

                messages.Add((At(asOf, 17), false, $"{tag}: Good news {first} - you may qualify for up to {Usd(500m * draw.Next(10, 60))} more. Check your offer (no impact to credit score): {Link(hosts.Pay)}"));
                gold = new ExtractedFields
                {
                    PayoffAmount = askPayoff ? payoff : null,
                    PayoffGoodThrough = askPayoff ? payoffBy : null,
                    PrincipalBalance = principal,
                    NextPaymentAmount = payment,
                    NextPaymentDueDate = due,
                    AccountLast4 = last4,
                };
                break;
            }

            case 3:
            {
                (lender, tag, code, hosts) = draw.Next(3) switch
                {
                    0 => ("MOHELA", "MOHELA", "66435", ("mohela.me/a", "")),
                    1 => ("Nelnet", "Nelnet", "635638", ("nelnet.co/m", "")),
                    _ => ("Aidvantage", "Aidvantage", "24382", ("aidv.us/m", "")),
                };
                type = LiabilityType.StudentLoan;
                var principal = draw.Amount(4_000m, 68_000m);
                var rate = Math.Round(draw.Rate(2.75m, 7.54m), 2);
                var payment = Math.Min(principal, Installment(principal, rate, 120));
                var due = asOf.AddDays(draw.Next(2, 28));
                var showRate = draw.OneIn(2);
                messages.Add((At(due.AddMonths(-1), 17), false, $"{tag}: Your payment of {Usd(payment)} was received {Dt(due.AddMonths(-1))}. Thank you!"));
                messages.Add((At(asOf.AddDays(-draw.Next(1, 5)), 9), false, $"{tag}: Reminder - your student loan pmt of {Usd(payment)} is due {Dt(due)}. Acct ending {last4}. Manage at {Link(hosts.Statement)}"));
                messages.Add((At(asOf, 20), true, "BAL"));
                messages.Add((At(asOf, 20), false, $"{tag}: Acct ending {last4}: {Usd(principal)} principal + {Usd(draw.Amount(3m, 240m))} unpaid interest.{(showRate ? $" Current rate {rate.ToString("0.00", Inv)}%." : "")}"));
                if (draw.OneIn(2))
                {
                    messages.Add((At(asOf, 20), false, $"{tag}: Your income-driven repayment plan must be recertified by {Dt(asOf.AddDays(draw.Next(40, 120)))}. Start at studentaid.gov."));
                }

                if (showRate && draw.OneIn(2))
                {
                    messages.Add((At(asOf, 20), false, $"{tag}: Enroll in Auto Debit and save 0.25% on your rate. Reply AUTO for details."));
                }

                gold = new ExtractedFields { PrincipalBalance = principal, NextPaymentAmount = payment, NextPaymentDueDate = due, InterestRatePct = showRate ? rate : null, AccountLast4 = last4 };
                break;
            }

            default:
            {
                (lender, tag, code, hosts) = draw.Next(3) switch
                {
                    0 => ("Mr. Cooper", "Mr. Cooper", "26677", ("mrc.pr/e", "")),
                    1 => ("Rocket Mortgage", "Rocket Mtg", "76253", ("rkt.ms/e", "")),
                    _ => ("PennyMac", "PennyMac", "73662", ("pmac.co/e", "")),
                };
                type = LiabilityType.Mortgage;
                var principal = draw.Amount(70_000m, 540_000m);
                var rate = 2.75m + (0.125m * draw.Next(0, 40));
                var payment = Installment(principal, rate, draw.Next(200, 350)) + draw.Amount(180m, 900m);
                var due = FirstOfNextMonth(asOf);
                var newPayment = payment + draw.Amount(-120m, 260m);
                var effective = due.AddMonths(draw.Next(1, 3));
                var escrow = draw.Amount(200m, 6_000m);
                var showEscrow = draw.OneIn(2);
                messages.Add((At(due.AddMonths(-1).AddDays(draw.Next(0, 10)), 10), false, $"{tag}: Payment received: {Usd(payment)} on loan ending {last4}. Thanks!"));
                messages.Add((At(asOf.AddDays(-draw.Next(1, 8)), 15), false, $"{tag}: Your escrow analysis is ready. Beginning {Dt(effective)} your new monthly payment will be {Usd(newPayment)}. Details: {Link(hosts.Statement)}"));
                messages.Add((At(asOf, 9), false, $"{tag}: Your mortgage pmt of {Usd(payment)} is due {Dt(due)}. A late charge of {Usd(Math.Round(payment * 0.04m, 2))} may apply after {Dt(due.AddDays(15))}."));
                messages.Add((At(asOf, 9), true, "BAL"));
                messages.Add((At(asOf, 9), false, $"{tag}: Loan ending {last4}: Principal bal {Usd(principal)}.{(showEscrow ? $" Escrow bal {Usd(escrow)}." : "")} Next pmt {Usd(payment)} due {Dt(due)}."));
                gold = new ExtractedFields
                {
                    PrincipalBalance = principal,
                    EscrowBalance = showEscrow ? escrow : null,
                    NextPaymentAmount = payment,
                    NextPaymentDueDate = due,
                    AccountLast4 = last4,
                };
                break;
            }
        }

        var sb = new StringBuilder();
        var ordered = new List<(DateTime At, bool Me, string Text)>();
        foreach (var (at, me, body) in messages)
        {
            var when = ordered.Count == 0 ? at
                : ordered[^1].Me && !me ? ordered[^1].At.AddMinutes(draw.Next(0, 2))
                : at <= ordered[^1].At ? ordered[^1].At.AddMinutes(draw.Next(1, 4)) : at;
            ordered.Add((when, me, body));
        }

        if (draw.OneIn(2))
        {
            sb.Append(CultureInfo.InvariantCulture, $"Messages with {code} ({lender})\n");
            DateOnly? day = null;
            foreach (var (at, me, body) in ordered)
            {
                if (DateOnly.FromDateTime(at) != day)
                {
                    day = DateOnly.FromDateTime(at);
                    sb.Append('\n').Append(at.ToString("ddd, MMM d, yyyy", Inv)).Append('\n');
                }

                sb.Append(me ? "Me: " : "").Append(body).Append('\n').Append("   ").Append(at.ToString("h:mm tt", Inv)).Append(me ? " · Delivered" : "").Append('\n');
            }
        }
        else
        {
            foreach (var (at, me, body) in ordered)
            {
                sb.Append(at.ToString("M/d/yy, h:mm tt", Inv)).Append(" - ").Append(me ? "Me" : code).Append(": ").Append(body).Append('\n');
            }
        }

        return new(type, SourceKind.Other, lender, sb.ToString().TrimEnd(), gold);
    }
}
