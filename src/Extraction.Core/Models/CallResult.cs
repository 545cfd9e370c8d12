using Extraction.Core.Contracts;

namespace Extraction.Core.Models;

/// <summary>One call's attempt record, its answer if usable, and how long the server asked us to wait.</summary>
public sealed record CallResult(ModelAttempt Attempt, ExtractedFields? Fields, TimeSpan? RetryAfter)
{
    /// <summary>Worth another call to the same deployment: rate limits, server errors, dropped connections.</summary>
    public bool IsRetryable => Attempt.Outcome is AttemptOutcomes.RateLimited or AttemptOutcomes.ServerError or AttemptOutcomes.NetworkError;
}
