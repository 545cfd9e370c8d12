using System.Globalization;
using Extraction.Core.Contracts;
using Extraction.Tooling.Generation.Kit;
using static Extraction.Tooling.Generation.Kit.Formatting;

namespace Extraction.Tooling.Generation.Families.Blind2;

internal static class AutoLoanWebChat
{
    private static readonly string[] AutoChatLenders = ["Ally Auto", "Toyota Financial Services", "American Honda Finance", "Capital One Auto Finance", "Santander Consumer USA", "Westlake Financial", "Bridgecrest"];

    private static readonly string[] BotNames = ["Ava", "Max", "Riley", "Sky", "Nova"];

    private static readonly string[] AgentNames = ["Marcus", "Priya", "Tanisha", "Jorge", "Kelsey", "Ibrahim"];

    private static readonly string[] Vehicles = ["2021 Honda CR-V EX", "2019 Toyota Camry SE", "2022 Ford F-150 XLT", "2020 Jeep Grand Cherokee", "2023 Kia Telluride S", "2018 Nissan Rogue SV"];

    public static DocumentFamily Family { get; } = new("auto-loan-web-chat", FamilySet.HeldOut, 10, "an auto lender's web chat: a virtual assistant gives the payoff, a live agent the per-day interest and next payment", Write);

    /// <summary>The loan and who is on the chat, drawn before it starts.</summary>
    private sealed record Loan(
        string Lender, string Bot, string Agent, string Vehicle, string Last4, decimal Principal, decimal Rate, DateOnly LastPaid, DateOnly GoodThrough,
        decimal Payment, bool ShowRate, bool ShowNext, bool BotCard, decimal TradeIn)
    {
        public decimal PerDiem => LoanMath.PerDiem(Principal, Rate);

        public decimal Payoff => Principal + (PerDiem * (GoodThrough.DayNumber - LastPaid.DayNumber));

        public DateOnly Due => LastPaid.AddMonths(1);

        public string BotTag => $"{Bot} (virtual assistant)";

        public string AgentTag => $"{Agent} ({Lender} Agent)";
    }

    /// <summary>The transcript: a time-stamped line a message, the clock moving a minute or two each time.</summary>
    private sealed class Chat(Draw draw, TimeOnly start, List<string> lines)
    {
        private TimeOnly _clock = start;

        public List<string> Lines { get; } = lines;

        public void Say(string who, string what)
        {
            Lines.Add($"[{_clock.ToString("h:mm tt", CultureInfo.InvariantCulture)}] {who}: {what}");
            _clock = _clock.AddMinutes(draw.Next(0, 3));
        }
    }

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var loan = DrawLoan(draw, asOf);
        var goodText = format.Date(loan.GoodThrough);
        var lastPaidText = format.Date(loan.LastPaid);
        var chat = new Chat(draw, new TimeOnly(draw.Next(8, 20), draw.Next(0, 50)),
        [
            $"Chat transcript - {loan.Lender}",
            $"Started {format.Date(asOf)}  |  Conversation ID: CHT-{draw.Next(10_000_000, 99_999_999)}",
            string.Empty,
        ]);
        chat.Say(loan.BotTag, $"Hi there! I'm {loan.Bot}, {loan.Lender}'s virtual assistant. What can I help you with today?");
        chat.Say("You", draw.Pick("need a payoff quote, trading my car in", "payoff amount please", "how much to pay off my car loan"));
        chat.Say(loan.BotTag, $"Sure thing. Is this for your auto loan ending in {loan.Last4} ({loan.Vehicle})?");
        chat.Say("You", "yes");
        if (loan.BotCard)
        {
            BotQuotes(chat, draw, loan, goodText, lastPaidText);
        }
        else
        {
            AgentQuotes(chat, format, loan, lastPaidText);
        }

        Close(chat, draw, format, loan);
        return new(LiabilityType.AutoLoan, SourceKind.CallTranscript, loan.Lender, string.Join("\n", chat.Lines), new ExtractedFields
        {
            PayoffAmount = loan.Payoff, PayoffGoodThrough = loan.GoodThrough, PerDiem = loan.PerDiem, PrincipalBalance = loan.Principal,
            NextPaymentAmount = loan.ShowNext ? loan.Payment : null, NextPaymentDueDate = loan.ShowNext ? loan.Due : null,
            InterestRatePct = loan.ShowRate ? loan.Rate : null, AccountLast4 = loan.Last4,
        });
    }

    private static Loan DrawLoan(Draw draw, DateOnly asOf)
    {
        var lender = draw.Pick(AutoChatLenders);
        var bot = draw.Pick(BotNames);
        var agent = draw.Pick(AgentNames);
        var vehicle = draw.Pick(Vehicles);
        var last4 = draw.Last4();
        var principal = draw.Amount(3_500, 48_000);
        var rate = Math.Round(draw.Rate(2.9m, 21.9m), 2);
        var lastPaid = asOf.AddDays(-draw.Next(3, 28));
        var goodThrough = asOf.AddDays(draw.OneIn(2) ? 10 : draw.Next(7, 21));
        var payment = draw.Amount(280, 950);
        var showRate = draw.OneIn(2);
        var showNext = !draw.OneIn(3);
        var botCard = draw.OneIn(2);
        var tradeIn = Math.Round(principal * (0.8m + (draw.Next(0, 60) / 100m)) / 100) * 100;
        return new(lender, bot, agent, vehicle, last4, principal, rate, lastPaid, goodThrough, payment, showRate, showNext, botCard, tradeIn);
    }

    /// <summary>The virtual assistant shows the quote as a card, then hands over to an agent for the per diem.</summary>
    private static void BotQuotes(Chat chat, Draw draw, Loan loan, string goodText, string lastPaidText)
    {
        chat.Say(loan.BotTag, "Here's your payoff quote:");
        chat.Lines.Add($"    Payoff amount .......... {Usd(loan.Payoff)}");
        chat.Lines.Add($"    Good through ........... {goodText}");
        chat.Lines.Add($"    Quote #: PQ{draw.Next(100_000, 999_999)}");
        chat.Say("You", "is that what I owe? seems higher than my balance");
        chat.Say(loan.BotTag, $"Your principal balance is {Usd(loan.Principal)}. The payoff adds interest accrued since your last payment on {lastPaidText}, so it is a little higher.");
        chat.Say("You", "what if the dealer sends it late");
        chat.Say(loan.BotTag, "Let me connect you with a team member who can help with that.");
        chat.Lines.Add($"--- {loan.Agent} has joined the chat ---");
        chat.Say(loan.AgentTag, $"Hi, this is {loan.Agent}. If the funds arrive after {goodText}, just add {draw.Pick("interest of ", "per diem interest of ", string.Empty)}{Usd(loan.PerDiem)} per day, or request a fresh quote.");
    }

    /// <summary>The assistant cannot quote a trade-in: an agent gives the payoff, its date said aloud, and the per diem.</summary>
    private static void AgentQuotes(Chat chat, TextFormats format, Loan loan, string lastPaidText)
    {
        chat.Say(loan.BotTag, "Payoff quotes for trade-ins are handled by our team. Connecting you now - average wait is under 2 minutes.");
        chat.Lines.Add($"--- {loan.Agent} has joined the chat ---");
        chat.Say(loan.AgentTag, $"Thanks for waiting! I've pulled up the loan ending {loan.Last4}. Your principal balance today is {Usd(loan.Principal)}.");
        chat.Say(loan.AgentTag, $"The payoff is {Usd(loan.Payoff)}, good through {format.SpokenDate(loan.GoodThrough)}. That includes interest since your last payment on {lastPaidText}.");
        chat.Say("You", "and after that date?");
        chat.Say(loan.AgentTag, $"The per diem is {Usd(loan.PerDiem)}, so add that for each day past the good-through date.");
    }

    private static void Close(Chat chat, Draw draw, TextFormats format, Loan loan)
    {
        if (draw.OneIn(2))
        {
            chat.Say("You", $"ok. dealer is giving me {Usd(loan.TradeIn)} for it so should be fine");
        }

        if (loan.ShowNext)
        {
            chat.Say("You", "do I still need to make my payment this month?");
            chat.Say(loan.AgentTag, $"Yes, please keep paying until the payoff posts. Your next payment of {Usd(loan.Payment)} is due {format.Date(loan.Due)}.");
        }

        if (loan.ShowRate)
        {
            chat.Say("You", "what's my interest rate btw");
            chat.Say(loan.AgentTag, $"Your contract rate is {loan.Rate.ToString("0.00", CultureInfo.InvariantCulture)}% APR.");
        }

        chat.Say(loan.AgentTag, $"Dealers can also get payoff figures 24/7 at 1-888-555-{draw.Next(1_000, 9_999)}. Anything else I can help with?");
        chat.Say("You", "no thanks");
        chat.Lines.Add($"--- Chat ended by {loan.Agent} ---");
    }
}
