namespace Extraction.Tooling.Generation.Families.Development;

/// <summary>The lenders, servicers and agents several development families draw from.</summary>
internal static class DevelopmentNames
{
    public static readonly string[] AutoLenders = ["Santander Consumer USA", "Bridgecrest", "Hyundai Capital America", "Honda Financial Services", "Exeter Finance"];

    public static readonly string[] MortgageServicers = ["Shellpoint Mortgage Servicing", "NewRez", "Carrington Mortgage Services", "Cenlar", "Lakeview Loan Servicing"];

    public static readonly string[] AgentNames = ["Maria", "James", "Keisha", "Tom", "Priya", "Luis"];
}
