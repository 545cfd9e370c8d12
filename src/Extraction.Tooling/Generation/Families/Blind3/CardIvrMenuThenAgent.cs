using Extraction.Core.Contracts;
using Extraction.Tooling.Generation.Kit;
using static Extraction.Tooling.Generation.Families.Blind3.Blind3Draws;
using static Extraction.Tooling.Generation.Kit.Formatting;

namespace Extraction.Tooling.Generation.Families.Blind3;

internal static class CardIvrMenuThenAgent
{
    private static readonly decimal[] CardLimits = [1_000m, 1_500m, 2_000m, 2_500m, 3_000m, 4_000m, 5_000m, 6_500m, 7_500m, 8_000m, 10_000m, 12_500m, 15_000m, 20_000m, 25_000m];

    public static DocumentFamily Family { get; } = new("card-ivr-menu-then-agent", FamilySet.HeldOut, 10, "Credit card phone call: the automated voice reads balances (figures, words, 'twelve hundred'), menu presses, then an agent or a self-service payment", Write);

    /// <summary>The card's figures and the people on the call, drawn before the call is written.</summary>
    private sealed record Account(
        string Issuer, string Last4, decimal Limit, decimal Apr, decimal CashApr, decimal Statement, decimal Minimum, DateOnly Due, DateOnly Closing,
        decimal LastPayment, DateOnly LastPaymentDate, decimal Current, string Ssn4, string Checking4, string Zip, string Caller, string Agent)
    {
        public string ShortName => Issuer.Split(' ')[0];

        public decimal Available => Limit - Current;
    }

    /// <summary>The call as speech analytics writes it: a line a turn, time-stamped or not, the clock moving a few seconds each turn.</summary>
    private sealed class Transcript(Draw draw, bool stamps, TimeOnly start)
    {
        private TimeOnly _clock = start;

        public List<string> Turns { get; } = [];

        public void Say(string who, string what)
        {
            var stamp = stamps ? "[" + _clock.ToString("HH:mm:ss", Inv) + "] " : "";
            Turns.Add(stamp + who + ": " + what);
            _clock = _clock.Add(TimeSpan.FromSeconds(draw.Next(3, 19)));
        }
    }

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var a = DrawAccount(draw, asOf);
        var call = new Transcript(draw, draw.OneIn(2), new TimeOnly(draw.Next(8, 21), draw.Next(0, 60), draw.Next(0, 60)));
        var ivr = draw.Pick("IVR", "SYSTEM", "AUTOMATED", "VRU");
        var callerTag = draw.Pick("CALLER", "CUSTOMER", "CX");
        call.Turns.Add(draw.Pick("Call recording transcript", "Inbound call - speech analytics transcript", "Call ID " + Digits(draw, 10) + " transcript")
            + " - " + asOf.ToString(draw.Pick("yyyy-MM-dd", "MM/dd/yyyy"), Inv));
        call.Turns.Add("");
        Identify(call, draw, a, ivr, callerTag);
        ReadBalances(call, draw, a, ivr);
        call.Say(ivr, "To make a payment, press 1. To hear recent transactions, press 2. To report a lost or stolen card, press 3. For all other questions, press 0. To hear these options again, press 9.");

        // Most callers ask for an agent, who gives the rate and (mostly) the limit; one in four pays by keypad and hears neither.
        var (limitGold, rateGold) = draw.OneIn(4) ? PayByKeypad(call, draw, a, asOf, ivr, callerTag) : AskAnAgent(call, draw, a, asOf, ivr, callerTag);

        return new(LiabilityType.CreditCard, SourceKind.CallTranscript, a.Issuer, string.Join("\n", call.Turns), new ExtractedFields
        {
            StatementBalance = a.Statement,
            MinimumPayment = a.Minimum,
            NextPaymentDueDate = a.Due,
            InterestRatePct = rateGold,
            CreditLimit = limitGold,
            AccountLast4 = a.Last4,
        });
    }

    private static Account DrawAccount(Draw draw, DateOnly asOf)
    {
        var issuer = draw.Pick("Bluewater Card Services", "Meridian Bank Card Center", "Northstar Rewards Visa", "Crestmark Platinum Mastercard",
            "Heartland Community Credit Union", "Goldleaf Cash Back Card");
        var last4 = draw.Last4();
        var limit = draw.Pick(CardLimits);
        var apr = draw.Next(15, 30) + draw.Pick(0.24m, 0.49m, 0.74m, 0.99m);
        var cashApr = Math.Min(35.99m, apr + draw.Next(3, 8));
        var statement = draw.Amount(limit * 0.06m, limit * 0.97m);
        var interestCharged = Math.Round(statement * apr / 1200m, 2);
        var minimum = statement <= 35m ? statement : Math.Max(35m, Math.Round((statement * 0.01m) + interestCharged, 2));
        var due = asOf.AddDays(draw.Next(4, 26));
        var closing = due.AddDays(-25);
        var lastPayment = draw.OneIn(2) ? Math.Round(draw.Amount(minimum, minimum * 4m), 0) : draw.Amount(minimum, minimum * 3m);
        var lastPaymentDate = closing.AddDays(-draw.Next(3, 20));
        var since = draw.Amount(0m, Math.Max(0m, Math.Min(limit * 0.05m, limit - statement - 10m)));
        var ssn4 = OtherFour(draw, last4);
        var checking4 = OtherFour(draw, last4);
        var zip = Zip(draw);
        var caller = Person(draw);
        var agent = draw.Pick("Keisha", "Marco", "Danielle", "Priya", "Trevor", "Alyssa", "Jamal");
        return new(issuer, last4, limit, apr, cashApr, statement, minimum, due, closing, lastPayment, lastPaymentDate, statement + since, ssn4, checking4, zip, caller, agent);
    }

    private static void Identify(Transcript call, Draw draw, Account a, string ivr, string callerTag)
    {
        call.Say(ivr, $"Thank you for calling {a.Issuer}. This call may be monitored or recorded for quality purposes.");
        call.Say(ivr, "Please enter or say your 16-digit card number, followed by the pound key.");
        call.Say(callerTag, "<DTMF ################>");
        if (draw.OneIn(2))
        {
            call.Say(ivr, "For your security, please enter the last four digits of the primary cardholder's Social Security number.");
            call.Say(callerTag, "<DTMF ####>");
        }
        else
        {
            call.Say(ivr, "To verify your identity, please enter your 5-digit billing ZIP code.");
            call.Say(callerTag, "<DTMF #####>");
        }

        call.Say(ivr, $"Thank you. {draw.Pick("For the card ending in", "You are calling about the account ending in", "For your account ending")} {SaidDigits(draw, a.Last4)}.");
    }

    /// <summary>The automated voice reads the balances in one of two orders; every wording is drawn, one is said.</summary>
    private static void ReadBalances(Transcript call, Draw draw, Account a, string ivr)
    {
        var readOrder = draw.Next(2);
        var statementSaid = SaidMoney(draw, a.Statement);
        var currentLine = $"Your current balance is {SaidMoney(draw, a.Current)}.";
        var statementLine = draw.Pick(
            $"Your statement balance is {statementSaid}.",
            $"Your last statement balance was {statementSaid}.",
            $"Your new balance as of your last statement is {statementSaid}.");
        var minimumLine = draw.Pick(
            $"Your minimum payment of {SaidMoney(draw, a.Minimum)} is due on {SaidDate(draw, a.Due)}.",
            $"Your minimum payment due is {SaidMoney(draw, a.Minimum)}. Your payment due date is {SaidDate(draw, a.Due)}.",
            $"A minimum payment of {SaidMoney(draw, a.Minimum)} is due by {SaidDate(draw, a.Due)}.");
        var availableLine = $"Your available credit is {SaidMoney(draw, Math.Max(0m, a.Available))}.";
        var lastPaymentLine = $"Your last payment of {SaidMoney(draw, a.LastPayment)} was received on {SaidDate(draw, a.LastPaymentDate)}.";
        if (readOrder == 0)
        {
            call.Say(ivr, currentLine + " " + availableLine);
            call.Say(ivr, statementLine + " " + minimumLine);
            call.Say(ivr, lastPaymentLine);
        }
        else
        {
            call.Say(ivr, statementLine + " " + minimumLine);
            call.Say(ivr, lastPaymentLine + " " + currentLine);
            call.Say(ivr, availableLine);
        }
    }

    /// <summary>Self-service: the caller pays by keypad and never reaches an agent.</summary>
    private static (decimal? Limit, decimal? Rate) PayByKeypad(Transcript call, Draw draw, Account a, DateOnly asOf, string ivr, string callerTag)
    {
        var amount = Math.Round(draw.Amount(a.Minimum, Math.Max(a.Minimum, a.Statement)), 0);
        var on = asOf.AddDays(draw.Next(0, Math.Max(1, a.Due.DayNumber - asOf.DayNumber)));
        call.Say(callerTag, "<DTMF 1>");
        call.Say(ivr, $"To pay the minimum payment of {SaidMoney(draw, a.Minimum)}, press 1. To pay the statement balance, press 2. To pay the current balance, press 3. To enter a different amount, press 4.");
        call.Say(callerTag, "<DTMF 4>");
        call.Say(ivr, "Please enter the payment amount in dollars and cents, followed by the pound key.");
        call.Say(callerTag, "<DTMF " + string.Join(" ", (amount * 100m).ToString("0", Inv).ToCharArray()) + " #>");
        call.Say(ivr, $"You entered {SaidMoney(draw, amount)}. This payment will be made from your checking account ending in {SaidDigits(draw, a.Checking4)} on {SaidDate(draw, on)}. To confirm, press 1.");
        call.Say(callerTag, "<DTMF 1>");
        call.Say(ivr, $"Thank you. Your confirmation number is {string.Join(" ", Digits(draw, 8).ToCharArray())}. Please allow up to 24 hours for your available credit to update. Goodbye.");
        return (null, null);
    }

    private static (decimal? Limit, decimal? Rate) AskAnAgent(Transcript call, Draw draw, Account a, DateOnly asOf, string ivr, string callerTag)
    {
        call.Say(callerTag, "<DTMF 0>");
        call.Say(ivr, "Please hold while we transfer your call to the next available representative.");
        call.Turns.Add(draw.Pick("[hold music 00:02:41]", "[transfer]", "(on hold)"));
        call.Say("AGENT", $"Thank you for calling {a.ShortName}, my name is {a.Agent}. Who do I have the pleasure of speaking with?");
        call.Say(callerTag, $"Hi, this is {a.Caller}.");
        call.Say("AGENT", $"Thanks, {a.Caller.Split(' ')[0]}. Just to verify, can I get the billing ZIP code and the last four of your social?");
        call.Say(callerTag, $"Sure, ZIP is {SaidZip(draw, a.Zip)}, and the last four is {SaidDigits(draw, a.Ssn4)}.");
        call.Say("AGENT", "Thank you, you're verified. What can I help you with today?");

        var askLimit = !draw.OneIn(5);
        call.Say(callerTag, askLimit
            ? "I wanted to know what my interest rate is, and what my credit limit is. I might do a balance transfer."
            : "I just wanted to check my interest rate, I got charged interest last month.");
        var limitWords = draw.OneIn(3) ? NumberWords.Whole((long)a.Limit, hyphen: true, hundreds: false) + " dollars" : Usd(a.Limit).Replace(".00", "", StringComparison.Ordinal);
        var rateWords = draw.OneIn(3)
            ? a.Apr.ToString("0.00", Inv) + " percent"
            : a.Apr.ToString("0.00", Inv) + "%";
        call.Say("AGENT", $"Sure. Your purchase APR right now is {rateWords}, and cash advances are at {a.CashApr.ToString("0.00", Inv)}%."
            + (askLimit ? $" Your {draw.Pick("credit limit", "total credit line", "credit line")} is {limitWords}." : ""));
        if (askLimit && draw.OneIn(2))
        {
            var wish = a.Limit + CardLimits[draw.Next(3)];
            call.Say(callerTag, $"Any chance you could bump that up to {Usd(wish).Replace(".00", "", StringComparison.Ordinal)}?");
            call.Say("AGENT", "I can submit a request, but that would need a review and it could involve a credit inquiry. You'd get a decision in writing within about 7 to 10 days.");
            call.Say(callerTag, "Let's hold off on that.");
        }

        call.Say(callerTag, "And if I pay the statement amount I won't get charged interest again?");
        call.Say("AGENT", draw.Pick(
            $"Correct. Your statement closed on {SaidDate(draw, a.Closing)}, so if you pay the statement balance of {SaidMoney(draw, a.Statement)} by {SaidDate(draw, a.Due)}, you won't pay interest on purchases.",
            $"Right, if you pay the full statement balance by the due date, {SaidDate(draw, a.Due)}, there's no interest on new purchases. That's the {SaidMoney(draw, a.Statement)}, not the current balance."));
        if (draw.OneIn(2))
        {
            call.Say(callerTag, $"Okay. Can you just take {Usd(Math.Round(a.Minimum * 2m, 0))} from my checking, the one ending {a.Checking4}?");
            call.Say("AGENT", $"Done, that's scheduled for {SaidDate(draw, asOf.AddDays(1))}. Your confirmation number is {Digits(draw, 3)}-{Digits(draw, 6)}.");
        }

        call.Say("AGENT", $"Is there anything else I can help you with? ... Thank you for being a {a.ShortName} cardmember, have a great day.");
        return (askLimit ? a.Limit : null, a.Apr);
    }

    private static string Zip(Draw draw) => draw.Next(10_000, 99_950).ToString("00000", Inv);

    /// <summary>An amount as an automated voice reads it and a speech-to-text engine writes it down.</summary>
    private static string SaidMoney(Draw draw, decimal amount)
    {
        var dollars = (long)decimal.Truncate(amount);
        var cents = (int)((amount - dollars) * 100m);
        var hyphen = draw.OneIn(2);
        string Cents() => cents == 0 ? (draw.OneIn(2) ? " dollars" : " dollars and zero cents") : " dollars and " + NumberWords.Under100(cents, hyphen) + " cents";
        return draw.Next(6) switch
        {
            0 or 1 => Usd(amount),
            2 => NumberWords.Whole(dollars, hyphen, hundreds: false) + Cents(),
            3 => NumberWords.Whole(dollars, hyphen, hundreds: true) + Cents(),
            4 => dollars.ToString("#,##0", Inv) + " dollars and " + cents.ToString(Inv) + " cents",
            _ => "$" + dollars.ToString("#,##0", Inv) + " and " + cents.ToString(Inv) + " cents",
        };
    }

    private static string SaidDate(Draw draw, DateOnly d)
    {
        var month = d.ToString("MMMM", Inv);
        return draw.Next(5) switch
        {
            0 => $"{month} {d.Day.ToString(Inv)}, {d.Year.ToString(Inv)}",
            1 => $"{month} {Ordinal(d.Day)}, {d.Year.ToString(Inv)}",
            2 => $"{month} {NumberWords.DayOrdinals[d.Day]}, {NumberWords.Under100(d.Year / 100, true)} {NumberWords.Under100(d.Year % 100, true)}",
            3 => $"{d.DayOfWeek}, {month} {Ordinal(d.Day)}, {d.Year.ToString(Inv)}",
            _ => d.ToString("MM/dd/yyyy", Inv),
        };
    }

    private static string SaidDigits(Draw draw, string digits) => draw.Next(4) switch
    {
        0 => digits,
        1 => string.Join("-", digits.ToCharArray()),
        2 => string.Join(" ", digits.ToCharArray()),
        _ => string.Join(" ", digits.Select(c => NumberWords.Ones[c - '0'])),
    };

    private static string SaidZip(Draw draw, string zip) => draw.OneIn(2) ? zip : string.Join(" ", zip.Select(c => NumberWords.Ones[c - '0']));
}
