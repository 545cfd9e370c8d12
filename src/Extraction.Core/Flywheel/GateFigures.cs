namespace Extraction.Core.Flywheel;

/// <summary>One deployment alone (no teacher) on the gold set, scored as <c>extract eval</c> scores.</summary>
/// <param name="AnswerErrorRate">Accounts whose own answer was not gold (wrong, unusable or missing), before any check.</param>
/// <param name="ErrorAmongExtracted">Wrong answers among those that passed the checks: what partners would have got.</param>
public sealed record GateFigures(
    string Deployment,
    int Accounts,
    double AnswerErrorRate,
    double ErrorAmongExtracted,
    double NeedsReviewRate,
    double FieldAccuracy,
    long LatencyP95Ms,
    decimal CostPer1000);
