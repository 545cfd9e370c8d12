namespace Extraction.Tooling.Generation.Families.Core;

/// <summary>The lenders several core families draw from.</summary>
internal static class CoreNames
{
    public static readonly string[] AutoLenders = ["Toyota Financial Services", "Ally Financial", "Chase Auto", "GM Financial", "Capital One Auto Finance", "Westlake Financial"];

    public static readonly string[] MortgageLenders = ["Rocket Mortgage", "U.S. Bank Home Mortgage", "PennyMac", "Mr. Cooper", "Wells Fargo Home Mortgage", "Freedom Mortgage", "LoanDepot"];
}
