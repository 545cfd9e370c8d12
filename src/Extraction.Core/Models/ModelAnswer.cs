using Extraction.Core.Contracts;

namespace Extraction.Core.Models;

/// <summary>What the model produced for one account, over all its attempts.</summary>
/// <param name="Fields">The answer used, or null where there is none.</param>
/// <param name="Model">The deployment (or rules version) that produced <paramref name="Fields"/>; null without an answer.</param>
/// <param name="Attempts">Every call made, retries and fallback included.</param>
/// <param name="LatencyMs">Wall time from the first call to the answer, waits between retries included.</param>
/// <param name="FailureReason">Why there is no answer; null when <paramref name="Fields"/> is set.</param>
/// <param name="Checks">The checks that ran on <paramref name="Fields"/>.</param>
/// <param name="Note">What else a reader of a <c>needs_review</c> result should know (the teacher could not help …).</param>
/// <param name="OverBudget">The budget scope that had no room, where the account was not attempted at all.</param>
public sealed record ModelAnswer(
    ExtractedFields? Fields,
    string? Model,
    IReadOnlyList<ModelAttempt> Attempts,
    long LatencyMs,
    string? FailureReason,
    IReadOnlyList<CheckResult>? Checks = null,
    string? Note = null,
    string? OverBudget = null)
{
    public TokenUsage Usage => Attempts.Aggregate(TokenUsage.None, (sum, a) => sum.Add(a.Usage));

    public decimal CostUsd => Attempts.Sum(a => a.CostUsd);
}
