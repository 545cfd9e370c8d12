using Extraction.Core.Contracts;
using static Extraction.Tooling.Generation.Families.Core.CoreNames;

namespace Extraction.Tooling.Generation.Families.Core;

internal static class AutoPayoffLetter
{
    public static DocumentFamily Family { get; } = new("auto-payoff-letter", FamilySet.Core, 6, "a lender's payoff statement for an auto loan", (d, f, asOf) => PayoffLetter.Write(d, f, asOf, LiabilityType.AutoLoan, d.Pick(AutoLenders), 4_000, 45_000));
}
