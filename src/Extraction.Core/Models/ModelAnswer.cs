using Extraction.Core.Contracts;

namespace Extraction.Core.Models;

/// <summary>What a model call produced for one account, summed over its attempts.</summary>
/// <param name="Fields">The answer used, or null where there is none.</param>
/// <param name="Model">The deployment (or rules version) that produced <paramref name="Fields"/>.</param>
/// <param name="Attempts">Every call made, retries and fallback included.</param>
/// <param name="FailureReason">Why there is no answer; null when <paramref name="Fields"/> is set.</param>
public sealed record ModelAnswer(ExtractedFields? Fields, string? Model, IReadOnlyList<ModelAttempt> Attempts, string? FailureReason)
{
    public long LatencyMs => Attempts.Sum(a => a.LatencyMs);

    public TokenUsage Usage => Attempts.Aggregate(TokenUsage.None, (sum, a) => sum.Add(a.Usage));

    public decimal CostUsd => Attempts.Sum(a => a.CostUsd);
}

/// <summary>One model call: what was sent, what came back, and what it cost.</summary>
public sealed record ModelAttempt(
    string Model,
    string Outcome,
    long LatencyMs,
    TokenUsage Usage,
    decimal CostUsd,
    string Request,
    string? Response,
    string? Error);
