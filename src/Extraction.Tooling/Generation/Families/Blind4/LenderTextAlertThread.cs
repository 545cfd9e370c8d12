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

    /// <summary>Who sends the alerts: the lender, the tag that opens each text, its short code, its link hosts.</summary>
    private sealed record Sender(string Lender, string Tag, string Code, string StatementHost, string PayHost);

    /// <summary>The texts as sent, before the phone spaces out those sent the same minute.</summary>
    private sealed class Texts(Draw draw, string dateFormat)
    {
        public List<(DateTime At, bool Me, string Text)> Messages { get; } = [];

        public void Add(DateTime at, bool me, string text) => Messages.Add((at, me, text));

        public DateTime At(DateOnly d, int hour) => d.ToDateTime(new TimeOnly(hour, draw.Next(0, 60)));

        public string Dt(DateOnly d) => d.ToString(dateFormat, Inv);

        public string Link(string host) => $"https://{host}/{ShortCode(draw)}";
    }

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var last4 = draw.Last4();
        var kind = draw.Next(5);
        var t = new Texts(draw, draw.Pick("M/d", "MM/dd", "M/d/yy", "MMM d"));
        var (sender, type, gold) = kind switch
        {
            0 or 1 => CardAlerts(draw, t, asOf, last4),
            2 => PersonalLoanAlerts(draw, t, asOf, last4),
            3 => StudentLoanAlerts(draw, t, asOf, last4),
            _ => MortgageAlerts(draw, t, asOf, last4),
        };
        return new(type, SourceKind.Other, sender.Lender, Render(draw, t.Messages, sender), gold);
    }

    /// <summary>A card issuer: payment posted, statement ready, a purchase alert, then BAL (and DUE) replies.</summary>
    private static (Sender Sender, LiabilityType Type, ExtractedFields Gold) CardAlerts(Draw draw, Texts t, DateOnly asOf, string last4)
    {
        var sender = draw.Next(4) switch
        {
            0 => new Sender("Discover", "Discover", "347268", "dscvr.co/s", "dscvr.co/p"),
            1 => new Sender("Capital One", "Capital One", "227898", "c1.co/st", "c1.co/pay"),
            2 => new Sender("Synchrony Bank", "Synchrony", "56457", "syf.me/s", "syf.me/p"),
            _ => new Sender("Citi", "Citi Alert", "692484", "citi.us/st", "citi.us/p"),
        };
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
        t.Add(t.At(closing.AddDays(-draw.Next(3, 15)), 12), false, $"{sender.Tag}: Payment of {Usd(paid)} posted to card ending {last4}. Thank you!");
        t.Add(t.At(closing, 9), false, $"{sender.Tag}: Your statement is ready. Stmt bal {Usd(statement)}, min pmt {Usd(minimum)} due {t.Dt(due)}. View: {t.Link(sender.StatementHost)} Reply STOP to end");
        t.Add(t.At(asOf.AddDays(-1), 19), false, $"{sender.Tag}: A {Usd(spend)} transaction was made at {draw.Pick("SHELL OIL", "WALGREENS", "TARGET T-", "KROGER #", "AMZN Mktp US")} {draw.Next(0, 10000).ToString("D4", Inv)} on card ending {last4}. Not you? Reply NO.");
        t.Add(t.At(asOf, 8), true, "BAL");
        t.Add(t.At(asOf, 8), false, $"{sender.Tag}: Acct ending {last4} as of {t.Dt(asOf)}: Current bal {Usd(current)}. Avail credit {Usd(limit - current)}.{(showLimit ? $" Credit line {Usd(limit)}." : "")} Last stmt bal {Usd(statement)}.");
        if (draw.OneIn(2))
        {
            t.Add(t.At(asOf, 8), true, "DUE");
            t.Add(t.At(asOf, 8), false, $"{sender.Tag}: Min pmt {Usd(minimum)} due {t.Dt(due)}. Pay in app: {t.Link(sender.PayHost)} Msg&data rates may apply.");
        }

        var gold = new ExtractedFields { StatementBalance = statement, MinimumPayment = minimum, NextPaymentDueDate = due, CreditLimit = showLimit ? limit : null, AccountLast4 = last4 };
        return (sender, LiabilityType.CreditCard, gold);
    }

    /// <summary>A personal-loan lender: payment received, a reminder, BAL (and PAYOFF) replies, an offer.</summary>
    private static (Sender Sender, LiabilityType Type, ExtractedFields Gold) PersonalLoanAlerts(Draw draw, Texts t, DateOnly asOf, string last4)
    {
        var sender = draw.Next(3) switch
        {
            0 => new Sender("LendingPoint", "LendingPoint", "39428", "lpt.co/p", "lpt.co/o"),
            1 => new Sender("Upgrade", "Upgrade", "87342", "upgr.de/p", "upgr.de/o"),
            _ => new Sender("OneMain Financial", "OneMain", "663662", "omf.link/p", "omf.link/o"),
        };
        var principal = draw.Amount(1_800m, 24_000m);
        var rate = Math.Round(draw.Rate(8.9m, 35.9m), 2);
        var payment = Installment(principal, rate, draw.Next(14, 60));
        var due = asOf.AddDays(draw.Next(3, 25));
        var payoffBy = asOf.AddDays(draw.Next(7, 16));
        var payoff = principal + Math.Round(PerDiem(principal, rate, 365, MidpointRounding.AwayFromZero) * (payoffBy.DayNumber - due.AddMonths(-1).DayNumber), 2);
        var askPayoff = draw.OneIn(2);
        var first = Person(draw).Split(' ')[0];
        t.Add(t.At(due.AddMonths(-1), 10), false, $"{sender.Tag}: We received your payment of {Usd(payment)}. Thank you, {first}!");
        t.Add(t.At(asOf.AddDays(-draw.Next(1, 6)), 11), false, $"{sender.Tag}: Hi {first}, your pmt of {Usd(payment)} for loan ending {last4} is due {t.Dt(due)}. Pay: {t.Link(sender.StatementHost)} Reply STOP to opt out.");
        t.Add(t.At(asOf, 13), true, "BAL");
        t.Add(t.At(asOf, 13), false, $"{sender.Tag}: Loan ••{last4}: principal bal {Usd(principal)} as of {t.Dt(asOf)}. Next pmt {Usd(payment)} due {t.Dt(due)}. Reply PAYOFF for a payoff quote.");
        if (askPayoff)
        {
            t.Add(t.At(asOf, 13), true, "PAYOFF");
            t.Add(t.At(asOf, 13), false, $"{sender.Tag}: Your payoff amount is {Usd(payoff)}, good through {payoffBy.ToString("MM/dd/yyyy", Inv)}. Amounts change daily. For a letter call {TollFree(draw)}.");
        }

        t.Add(t.At(asOf, 17), false, $"{sender.Tag}: Good news {first} - you may qualify for up to {Usd(500m * draw.Next(10, 60))} more. Check your offer (no impact to credit score): {t.Link(sender.PayHost)}");
        var gold = new ExtractedFields
        {
            PayoffAmount = askPayoff ? payoff : null,
            PayoffGoodThrough = askPayoff ? payoffBy : null,
            PrincipalBalance = principal,
            NextPaymentAmount = payment,
            NextPaymentDueDate = due,
            AccountLast4 = last4,
        };
        return (sender, LiabilityType.PersonalLoan, gold);
    }

    /// <summary>A student-loan servicer: payment received, a reminder, a BAL reply, notices.</summary>
    private static (Sender Sender, LiabilityType Type, ExtractedFields Gold) StudentLoanAlerts(Draw draw, Texts t, DateOnly asOf, string last4)
    {
        var sender = draw.Next(3) switch
        {
            0 => new Sender("MOHELA", "MOHELA", "66435", "mohela.me/a", ""),
            1 => new Sender("Nelnet", "Nelnet", "635638", "nelnet.co/m", ""),
            _ => new Sender("Aidvantage", "Aidvantage", "24382", "aidv.us/m", ""),
        };
        var principal = draw.Amount(4_000m, 68_000m);
        var rate = Math.Round(draw.Rate(2.75m, 7.54m), 2);
        var payment = Math.Min(principal, Installment(principal, rate, 120));
        var due = asOf.AddDays(draw.Next(2, 28));
        var showRate = draw.OneIn(2);
        t.Add(t.At(due.AddMonths(-1), 17), false, $"{sender.Tag}: Your payment of {Usd(payment)} was received {t.Dt(due.AddMonths(-1))}. Thank you!");
        t.Add(t.At(asOf.AddDays(-draw.Next(1, 5)), 9), false, $"{sender.Tag}: Reminder - your student loan pmt of {Usd(payment)} is due {t.Dt(due)}. Acct ending {last4}. Manage at {t.Link(sender.StatementHost)}");
        t.Add(t.At(asOf, 20), true, "BAL");
        t.Add(t.At(asOf, 20), false, $"{sender.Tag}: Acct ending {last4}: {Usd(principal)} principal + {Usd(draw.Amount(3m, 240m))} unpaid interest.{(showRate ? $" Current rate {rate.ToString("0.00", Inv)}%." : "")}");
        if (draw.OneIn(2))
        {
            t.Add(t.At(asOf, 20), false, $"{sender.Tag}: Your income-driven repayment plan must be recertified by {t.Dt(asOf.AddDays(draw.Next(40, 120)))}. Start at studentaid.gov.");
        }

        if (showRate && draw.OneIn(2))
        {
            t.Add(t.At(asOf, 20), false, $"{sender.Tag}: Enroll in Auto Debit and save 0.25% on your rate. Reply AUTO for details.");
        }

        var gold = new ExtractedFields { PrincipalBalance = principal, NextPaymentAmount = payment, NextPaymentDueDate = due, InterestRatePct = showRate ? rate : null, AccountLast4 = last4 };
        return (sender, LiabilityType.StudentLoan, gold);
    }

    /// <summary>A mortgage servicer: payment received, an escrow analysis, a reminder, a BAL reply.</summary>
    private static (Sender Sender, LiabilityType Type, ExtractedFields Gold) MortgageAlerts(Draw draw, Texts t, DateOnly asOf, string last4)
    {
        var sender = draw.Next(3) switch
        {
            0 => new Sender("Mr. Cooper", "Mr. Cooper", "26677", "mrc.pr/e", ""),
            1 => new Sender("Rocket Mortgage", "Rocket Mtg", "76253", "rkt.ms/e", ""),
            _ => new Sender("PennyMac", "PennyMac", "73662", "pmac.co/e", ""),
        };
        var principal = draw.Amount(70_000m, 540_000m);
        var rate = 2.75m + (0.125m * draw.Next(0, 40));
        var payment = Installment(principal, rate, draw.Next(200, 350)) + draw.Amount(180m, 900m);
        var due = FirstOfNextMonth(asOf);
        var newPayment = payment + draw.Amount(-120m, 260m);
        var effective = due.AddMonths(draw.Next(1, 3));
        var escrow = draw.Amount(200m, 6_000m);
        var showEscrow = draw.OneIn(2);
        t.Add(t.At(due.AddMonths(-1).AddDays(draw.Next(0, 10)), 10), false, $"{sender.Tag}: Payment received: {Usd(payment)} on loan ending {last4}. Thanks!");
        t.Add(t.At(asOf.AddDays(-draw.Next(1, 8)), 15), false, $"{sender.Tag}: Your escrow analysis is ready. Beginning {t.Dt(effective)} your new monthly payment will be {Usd(newPayment)}. Details: {t.Link(sender.StatementHost)}");
        t.Add(t.At(asOf, 9), false, $"{sender.Tag}: Your mortgage pmt of {Usd(payment)} is due {t.Dt(due)}. A late charge of {Usd(Math.Round(payment * 0.04m, 2))} may apply after {t.Dt(due.AddDays(15))}.");
        t.Add(t.At(asOf, 9), true, "BAL");
        t.Add(t.At(asOf, 9), false, $"{sender.Tag}: Loan ending {last4}: Principal bal {Usd(principal)}.{(showEscrow ? $" Escrow bal {Usd(escrow)}." : "")} Next pmt {Usd(payment)} due {t.Dt(due)}.");
        var gold = new ExtractedFields
        {
            PrincipalBalance = principal,
            EscrowBalance = showEscrow ? escrow : null,
            NextPaymentAmount = payment,
            NextPaymentDueDate = due,
            AccountLast4 = last4,
        };
        return (sender, LiabilityType.Mortgage, gold);
    }

    /// <summary>The thread as a phone exports it: a reply follows its keyword by a minute or two, texts sent the same minute are spaced out.</summary>
    private static string Render(Draw draw, List<(DateTime At, bool Me, string Text)> messages, Sender sender)
    {
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
            sb.Append(CultureInfo.InvariantCulture, $"Messages with {sender.Code} ({sender.Lender})\n");
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
                sb.Append(at.ToString("M/d/yy, h:mm tt", Inv)).Append(" - ").Append(me ? "Me" : sender.Code).Append(": ").Append(body).Append('\n');
            }
        }

        return sb.ToString().TrimEnd();
    }
}
