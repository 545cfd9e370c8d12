namespace Extraction.Core.Flywheel;

/// <summary>The evaluation gate's verdict on a candidate, with the figures it compared.</summary>
/// <param name="Reasons">Each rule the candidate broke, in words with both figures; empty when it passed.</param>
public sealed record GateDecision(
    bool Passed,
    IReadOnlyList<string> Reasons,
    int GoldAccounts,
    GateFigures Current,
    GateFigures Candidate,
    ShadowAgreement? Shadow,
    DateTimeOffset DecidedAt);
