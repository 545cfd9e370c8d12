using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.HeldOut1.HeldOut1Names;
using static Extraction.Tooling.Generation.Kit.LoanMath;

namespace Extraction.Tooling.Generation.Families.HeldOut1;

internal static class MortgagePayoffCall
{
    private static readonly string[] MortgageServicers = ["Nationstar dba Mr. Cooper", "Truist Mortgage", "Flagstar", "Midland Mortgage", "Dovenmuehle"];

    public static DocumentFamily Family { get; } = new("mortgage-payoff-call", FamilySet.HeldOut, 10, "a mortgage payoff call: the agent reads the quote and the daily interest", Write);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var servicer = draw.Pick(MortgageServicers);
        var last4 = draw.Last4();
        var principal = draw.Amount(40_000, 620_000);
        var rate = draw.Rate(2.5m, 7.5m);
        var perDiem = PerDiem(principal, rate);
        var goodThrough = asOf.AddDays(draw.Next(14, 31));
        var fees = draw.Next(0, 3) * 30m;
        var payoff = principal + (perDiem * (goodThrough.DayNumber - asOf.DayNumber)) + fees;
        var name = draw.Pick(Names);
        var text = $"""
            Speaker 1 ({servicer}): This is {name}, thanks for holding. I have the payoff quote ready for loan number ending {last4}.
            Speaker 2: Great, go ahead.
            Speaker 1 ({servicer}): The unpaid principal is {format.SpokenMoney(principal)}. With interest and the recording fee, the total to pay the loan off is {format.SpokenMoney(payoff)}.
            Speaker 2: How long is that number good for?
            Speaker 1 ({servicer}): It's good through {format.SpokenDate(goodThrough)}. Each day after that adds {format.SpokenMoney(perDiem)} of interest.
            Speaker 2: And the rate on the loan is still {format.Rate(rate)}?
            Speaker 1 ({servicer}): That's right.
            """;
        return new(LiabilityType.Mortgage, SourceKind.CallTranscript, servicer, text, new ExtractedFields
        {
            PayoffAmount = payoff, PayoffGoodThrough = goodThrough, PerDiem = perDiem, PrincipalBalance = principal,
            InterestRatePct = rate, AccountLast4 = last4,
        });
    }
}
