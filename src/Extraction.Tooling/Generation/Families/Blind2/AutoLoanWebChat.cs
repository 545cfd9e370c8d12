using System.Globalization;
using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Kit.Formatting;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.Blind2;

internal static class AutoLoanWebChat
{
    private static readonly string[] AutoChatLenders = ["Ally Auto", "Toyota Financial Services", "American Honda Finance", "Capital One Auto Finance", "Santander Consumer USA", "Westlake Financial", "Bridgecrest"];

    private static readonly string[] BotNames = ["Ava", "Max", "Riley", "Sky", "Nova"];

    private static readonly string[] AgentNames = ["Marcus", "Priya", "Tanisha", "Jorge", "Kelsey", "Ibrahim"];

    private static readonly string[] Vehicles = ["2021 Honda CR-V EX", "2019 Toyota Camry SE", "2022 Ford F-150 XLT", "2020 Jeep Grand Cherokee", "2023 Kia Telluride S", "2018 Nissan Rogue SV"];

    public static DocumentFamily Family { get; } = new("auto-loan-web-chat", FamilySet.HeldOut, 10, "an auto lender's web chat: a virtual assistant gives the payoff, a live agent the per-day interest and next payment", Write);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var lender = draw.Pick(AutoChatLenders);
        var bot = draw.Pick(BotNames);
        var agent = draw.Pick(AgentNames);
        var vehicle = draw.Pick(Vehicles);
        var last4 = draw.Last4();
        var principal = draw.Amount(3_500, 48_000);
        var rate = Math.Round(draw.Rate(2.9m, 21.9m), 2);
        var perDiem = PerDiem(principal, rate);
        var lastPaid = asOf.AddDays(-draw.Next(3, 28));
        var goodThrough = asOf.AddDays(draw.OneIn(2) ? 10 : draw.Next(7, 21));
        var payoff = principal + (perDiem * (goodThrough.DayNumber - lastPaid.DayNumber));
        var payment = draw.Amount(280, 950);
        var due = lastPaid.AddMonths(1);
        var showRate = draw.OneIn(2);
        var showNext = !draw.OneIn(3);
        var botCard = draw.OneIn(2);
        var tradeIn = Math.Round(principal * (0.8m + (draw.Next(0, 60) / 100m)) / 100) * 100;
        var goodText = format.Date(goodThrough);
        var lastPaidText = format.Date(lastPaid);
        var clock = new TimeOnly(draw.Next(8, 20), draw.Next(0, 50));
        var lines = new List<string>
        {
            $"Chat transcript - {lender}",
            $"Started {format.Date(asOf)}  |  Conversation ID: CHT-{draw.Next(10_000_000, 99_999_999)}",
            string.Empty,
        };
        var botTag = $"{bot} (virtual assistant)";
        var agentTag = $"{agent} ({lender} Agent)";
        void Say(string who, string what)
        {
            lines.Add($"[{clock.ToString("h:mm tt", CultureInfo.InvariantCulture)}] {who}: {what}");
            clock = clock.AddMinutes(draw.Next(0, 3));
        }

        Say(botTag, $"Hi there! I'm {bot}, {lender}'s virtual assistant. What can I help you with today?");
        Say("You", draw.Pick("need a payoff quote, trading my car in", "payoff amount please", "how much to pay off my car loan"));
        Say(botTag, $"Sure thing. Is this for your auto loan ending in {last4} ({vehicle})?");
        Say("You", "yes");
        if (botCard)
        {
            Say(botTag, "Here's your payoff quote:");
            lines.Add($"    Payoff amount .......... {Usd(payoff)}");
            lines.Add($"    Good through ........... {goodText}");
            lines.Add($"    Quote #: PQ{draw.Next(100_000, 999_999)}");
            Say("You", "is that what I owe? seems higher than my balance");
            Say(botTag, $"Your principal balance is {Usd(principal)}. The payoff adds interest accrued since your last payment on {lastPaidText}, so it is a little higher.");
            Say("You", "what if the dealer sends it late");
            Say(botTag, "Let me connect you with a team member who can help with that.");
            lines.Add($"--- {agent} has joined the chat ---");
            Say(agentTag, $"Hi, this is {agent}. If the funds arrive after {goodText}, just add {draw.Pick("interest of ", "per diem interest of ", string.Empty)}{Usd(perDiem)} per day, or request a fresh quote.");
        }
        else
        {
            Say(botTag, "Payoff quotes for trade-ins are handled by our team. Connecting you now - average wait is under 2 minutes.");
            lines.Add($"--- {agent} has joined the chat ---");
            Say(agentTag, $"Thanks for waiting! I've pulled up the loan ending {last4}. Your principal balance today is {Usd(principal)}.");
            Say(agentTag, $"The payoff is {Usd(payoff)}, good through {format.SpokenDate(goodThrough)}. That includes interest since your last payment on {lastPaidText}.");
            Say("You", "and after that date?");
            Say(agentTag, $"The per diem is {Usd(perDiem)}, so add that for each day past the good-through date.");
        }

        if (draw.OneIn(2))
        {
            Say("You", $"ok. dealer is giving me {Usd(tradeIn)} for it so should be fine");
        }

        if (showNext)
        {
            Say("You", "do I still need to make my payment this month?");
            Say(agentTag, $"Yes, please keep paying until the payoff posts. Your next payment of {Usd(payment)} is due {format.Date(due)}.");
        }

        if (showRate)
        {
            Say("You", "what's my interest rate btw");
            Say(agentTag, $"Your contract rate is {rate.ToString("0.00", CultureInfo.InvariantCulture)}% APR.");
        }

        Say(agentTag, $"Dealers can also get payoff figures 24/7 at 1-888-555-{draw.Next(1_000, 9_999)}. Anything else I can help with?");
        Say("You", "no thanks");
        lines.Add($"--- Chat ended by {agent} ---");
        return new(LiabilityType.AutoLoan, SourceKind.CallTranscript, lender, string.Join("\n", lines), new ExtractedFields
        {
            PayoffAmount = payoff, PayoffGoodThrough = goodThrough, PerDiem = perDiem, PrincipalBalance = principal,
            NextPaymentAmount = showNext ? payment : null, NextPaymentDueDate = showNext ? due : null,
            InterestRatePct = showRate ? rate : null, AccountLast4 = last4,
        });
    }
}
