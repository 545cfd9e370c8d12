namespace Extraction.Tooling.Generation;

/// <summary>Every family of the synthetic corpus, and the split into core, development and held-out sets.</summary>
public static class DocumentFamilies
{
    public static IReadOnlyList<DocumentFamily> All { get; } = [.. CoreFamilies.All, .. DevelopmentFamilies.All, .. HeldOutFamilies.All, .. SecondHeldOutFamilies.All, .. ThirdHeldOutFamilies.All, .. FourthHeldOutFamilies.All];

    public static IReadOnlyList<DocumentFamily> In(params FamilySet[] sets) => [.. All.Where(f => sets.Contains(f.Set))];
}
