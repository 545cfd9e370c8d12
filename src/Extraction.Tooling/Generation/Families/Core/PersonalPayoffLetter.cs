using Extraction.Core.Contracts;

namespace Extraction.Tooling.Generation.Families.Core;

internal static class PersonalPayoffLetter
{
    private static readonly string[] PersonalLenders = ["Best Egg", "Upstart", "LendingClub", "SoFi"];

    public static DocumentFamily Family { get; } = new("personal-payoff-letter", FamilySet.Core, 6, "a personal-loan payoff statement", (d, f, asOf) => PayoffLetter.Write(d, f, asOf, LiabilityType.PersonalLoan, d.Pick(PersonalLenders), 2_000, 40_000));
}
