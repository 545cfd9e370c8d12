namespace Extraction.Tooling.Generation.Families.Blind2;

/// <summary>The borrowers and towns several blind-2 letters and bills are addressed with.</summary>
internal static class Blind2Names
{
    public static readonly string[] Borrowers = ["Jordan A. Whitfield", "Maria L. Ortega", "Kevin Tran", "Shanice Robinson", "Patrick O'Neill", "Aisha Rahman"];

    public static readonly string[] Towns = ["Columbus, OH 43215", "Mesa, AZ 85201", "Raleigh, NC 27603", "Tacoma, WA 98402", "Plano, TX 75024", "Tampa, FL 33611"];
}
