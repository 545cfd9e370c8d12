namespace Extraction.Core.Review;

/// <summary>An account waiting for a person: where it is, and why it is waiting.</summary>
public sealed record ReviewItem(string Partner, string BatchId, int Line, string AccountId, string? Reason, IReadOnlyList<string> FailedChecks, DateTimeOffset QueuedAt);
