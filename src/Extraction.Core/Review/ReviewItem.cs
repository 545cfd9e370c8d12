namespace Extraction.Core.Review;

/// <summary>
/// An account waiting for a person: where it is, and why it is waiting. <paramref name="ProposedBy"/>: the reviewer whose
/// correction set values written nowhere in the document; it waits for a second reviewer to confirm them.
/// </summary>
public sealed record ReviewItem(
    string Partner, string BatchId, int Line, string AccountId, string? Reason, IReadOnlyList<string> FailedChecks, DateTimeOffset QueuedAt, string? ProposedBy = null);
