using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.Core.CoreNames;

namespace Extraction.Tooling.Generation.Families.Core;

internal static class MortgagePayoffLetter
{
    public static DocumentFamily Family { get; } = new("mortgage-payoff-letter", FamilySet.Core, 11, "a servicer's mortgage payoff statement", (d, f, asOf) => PayoffLetter.Write(d, f, asOf, LiabilityType.Mortgage, d.Pick(MortgageLenders), 80_000, 650_000));
}
