namespace Extraction.Tooling.Generation.Families.HeldOut1;

/// <summary>The agents' first names the first held-out round's calls share.</summary>
internal static class HeldOut1Names
{
    public static readonly string[] Names = ["Andre", "Beth", "Carlos", "Dana", "Elif", "Femi"];
}
