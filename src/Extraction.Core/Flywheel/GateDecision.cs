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

/// <summary>What the candidate's shadow answers on live accounts agreed with of the served answers.</summary>
/// <param name="Agreement">Per field, the share of shadow answers that gave the served value.</param>
public sealed record ShadowAgreement(int Accounts, int Unanswered, double AllFieldsAgreed, IReadOnlyDictionary<string, double> Agreement, decimal CostUsd);
