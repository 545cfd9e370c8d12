using Extraction.Core.Budgets;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Quota;

namespace Extraction.Core.Models;

/// <summary>
/// What a model call for an account must respect: the budgets it spends from, its deadline, and whose call it is
/// (<see cref="Lane"/>: realtime calls go before batch calls at a busy deployment).
/// </summary>
public sealed record AccountContext(IReadOnlyList<BudgetScope> Scopes, DateTimeOffset Deadline)
{
    /// <summary>No budget, and a deadline far enough away not to matter (tools, tests of the model alone).</summary>
    public static AccountContext Unbounded { get; } = new([], DateTimeOffset.MaxValue);

    public CallLane Lane { get; init; } = CallLane.Realtime;

    /// <summary>A batch account may wait this long (its batch's deadline) to be admitted to a saturated deployment.</summary>
    public DateTimeOffset QueueUntil { get; init; } = DateTimeOffset.MaxValue;

    /// <summary>The account's own time, which starts again when it is admitted (<see cref="StartedAt"/>).</summary>
    public TimeSpan AccountTime { get; init; }

    /// <summary>Admitted at <paramref name="now"/>: the account's own deadline runs from here, still bounded by the batch's (a context without an account time keeps its deadline).</summary>
    public AccountContext StartedAt(DateTimeOffset now) =>
        AccountTime <= TimeSpan.Zero ? this : this with { Deadline = QueueUntil - now < AccountTime ? QueueUntil : now + AccountTime };

    /// <summary>An account of a batch (or a realtime request), now: the batch's scopes, and the account's deadline or the batch's, whichever comes first.</summary>
    public static AccountContext For(BatchRef batch, decimal? batchMaxCostUsd, BatchDeadline batchDeadline, BudgetOptions options, DateTimeOffset now, CallLane lane)
    {
        ArgumentNullException.ThrowIfNull(options);
        var accountTime = TimeSpan.FromMilliseconds(options.AccountDeadlineMs);
        return new AccountContext(BudgetScope.For(batch, batchMaxCostUsd, options, now), batchDeadline.Bound(now + accountTime))
        {
            Lane = lane,
            QueueUntil = batchDeadline.Bound(DateTimeOffset.MaxValue),
            AccountTime = accountTime,
        };
    }
}
