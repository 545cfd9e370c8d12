using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.Development.DevelopmentNames;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.Development;

internal static class AutoPayoffCallSpoken
{
    public static DocumentFamily Family { get; } = new("auto-payoff-call-spoken", FamilySet.Development, 10, "an auto payoff call with figures and dates said aloud (words, ordinals, weekdays)", Write);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var lender = draw.Pick(AutoLenders);
        var last4 = draw.Last4();
        var principal = draw.Amount(3_000, 38_000);
        var rate = draw.Rate(3, 19);
        var perDiem = PerDiem(principal, rate);
        var goodThrough = asOf.AddDays(draw.Next(7, 21));
        var payoff = principal + (perDiem * (goodThrough.DayNumber - asOf.DayNumber));
        var agent = draw.Pick(AgentNames);
        var perDiemLine = draw.Next(3) switch
        {
            0 => $"After that date the per diem is {format.SpokenMoney(perDiem)}.",
            1 => $"After that, interest accrues at {format.SpokenMoney(perDiem)} per day.",
            _ => $"If it arrives later, add daily interest of {format.SpokenMoney(perDiem)} for each extra day.",
        };
        var text = $"""
            Agent: Good afternoon, {lender}, this is {agent}. Can I have the account number?
            Customer: Sure, it's the loan ending in {last4}.
            Agent: Thank you. I see a balance of principal of {format.SpokenMoney(principal)}. Do you want a ten-day payoff?
            Customer: Yes please.
            Agent: Okay. Your payoff amount is {format.SpokenMoney(payoff)}, and that is good through {format.SpokenDate(goodThrough)}.
            Agent: {perDiemLine}
            Customer: Perfect, thank you.
            """;
        return new(LiabilityType.AutoLoan, SourceKind.CallTranscript, lender, text,
            new ExtractedFields { PayoffAmount = payoff, PayoffGoodThrough = goodThrough, PerDiem = perDiem, PrincipalBalance = principal, AccountLast4 = last4 });
    }
}
