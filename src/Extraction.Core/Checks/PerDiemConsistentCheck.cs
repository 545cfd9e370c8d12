using Extraction.Core.Contracts;

namespace Extraction.Core.Checks;

/// <summary>
/// Daily interest is principal × rate / 365 (some lenders use 360). Where all three are stated, the
/// per diem must match either basis within 3% or two cents.
/// </summary>
public sealed class PerDiemConsistentCheck : IAnswerCheck
{
    public const string CheckName = "per_diem_consistent";

    public string Name => CheckName;

    public CheckResult? Run(CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Fields is not { PerDiem: { } perDiem, PrincipalBalance: { } principal, InterestRatePct: { } rate })
        {
            return null;
        }

        var yearly = principal * rate / 100m;
        var fits = new[] { yearly / 365m, yearly / 360m }.Any(expected => Math.Abs(perDiem - expected) <= Math.Max(0.02m, expected * 0.03m));
        return fits
            ? new CheckResult(Name, true, "per diem matches principal × rate / 365")
            : new CheckResult(Name, false, $"perDiem {CheckFormat.Value(perDiem)} does not match principal × rate / 365 = {CheckFormat.Value(Math.Round(yearly / 365m, 2))}");
    }
}
