namespace Extraction.Core.Budgets;

/// <summary>
/// The one owner of a batch's deadline (null: none). The batch orchestrator's durable timer closes the batch at
/// <see cref="At"/>; before that, every rule about it is here: chunk admission closes accounts not started once it
/// has passed, an account's model calls end by it (<see cref="Bound"/>), and an answer that comes after it is
/// recorded failed with <see cref="Reason"/>, as the orchestrator closed it.
/// </summary>
public readonly record struct BatchDeadline(DateTime? At)
{
    public const string Reason = "The batch deadline passed before this account was extracted; re-run the batch to try again.";

    public bool HasPassed(DateTimeOffset now) => At is { } at && now.UtcDateTime >= at;

    /// <summary>An account's own deadline, or the batch's when that comes first.</summary>
    public DateTimeOffset Bound(DateTimeOffset accountDeadline) =>
        At is { } at && new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) is var batchEnds && batchEnds < accountDeadline ? batchEnds : accountDeadline;
}
