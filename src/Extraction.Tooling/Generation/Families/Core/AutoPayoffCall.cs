using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.Core.CoreNames;

namespace Extraction.Tooling.Generation.Families.Core;

internal static class AutoPayoffCall
{
    private static readonly string[] Agents = ["CSR", "Agent", "Representative", "Rep"];

    private static readonly string[] Callers = ["Customer", "Caller", "Borrower"];

    public static DocumentFamily Family { get; } = new("auto-payoff-call", FamilySet.Core, 17, "an agent quotes an auto-loan payoff on a call", Write);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var lender = draw.Pick(AutoLenders);
        var (agent, caller) = (draw.Pick(Agents), draw.Pick(Callers));
        var last4 = draw.Last4();
        var payoff = draw.Amount(3_000, 40_000);
        var perDiem = draw.Amount(0.5m, 9);
        var goodThrough = asOf.AddDays(draw.Next(10, 31));
        var quote = draw.Next(2) == 0
            ? $"{agent}: The payoff amount is {format.Money(payoff)}, good through {format.Date(goodThrough)}. The per diem is {format.Money(perDiem)}."
            : $"{agent}: Your payoff amount is {format.Money(payoff)} and it is good through {format.Date(goodThrough)}. After that, daily interest of {format.Money(perDiem)} applies.";
        var text = $"""
            {agent}: Thank you for calling {lender}, this call may be recorded. How can I help?
            {caller}: Hi, I'm calling to get a payoff quote on an auto loan ending in {last4}.
            {agent}: Sure. I can see the account. Your last payment of {format.Money(draw.Amount(200, 900))} posted on {format.Date(asOf.AddDays(-draw.Next(1, 20)))}.
            {caller}: Great, and what's the payoff?
            {quote}
            {caller}: Thanks, that's all I needed.
            """;
        return new(LiabilityType.AutoLoan, SourceKind.CallTranscript, lender, text,
            new ExtractedFields { PayoffAmount = payoff, PayoffGoodThrough = goodThrough, PerDiem = perDiem, AccountLast4 = last4 });
    }
}
