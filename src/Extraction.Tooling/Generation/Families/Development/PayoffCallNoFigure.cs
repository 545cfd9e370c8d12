using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.Development.DevelopmentNames;

namespace Extraction.Tooling.Generation.Families.Development;

internal static class PayoffCallNoFigure
{
    public static DocumentFamily Family { get; } = new("payoff-call-no-figure", FamilySet.Development, 6, "a payoff call where the agent cannot give the figure", Write);

    private static SyntheticDocument Write(Draw draw, TextFormats format, DateOnly asOf)
    {
        var lender = draw.Pick(AutoLenders);
        var last4 = draw.Last4();
        var principal = draw.Amount(2_000, 30_000);
        var agent = draw.Pick(AgentNames);
        var reason = draw.Pick(
            "the account is in a repossession status, so payoff quotes come from our recovery department",
            "the title is held by a third party, so I can't generate a payoff quote today",
            "our payoff system is down right now");
        var text = $"""
            Agent: {lender}, this is {agent}. How can I help you today?
            Customer: I need a payoff amount on my loan ending in {last4}.
            Agent: I'm sorry, {reason}. I can't give you a payoff figure on this call.
            Customer: Can you at least tell me what I still owe?
            Agent: The principal balance shows {format.Money(principal)}, but that is not a payoff amount; interest and fees are added.
            Customer: Okay, I'll call back.
            """;
        return new(LiabilityType.AutoLoan, SourceKind.CallTranscript, lender, text,
            new ExtractedFields { PrincipalBalance = principal, AccountLast4 = last4 });
    }
}
