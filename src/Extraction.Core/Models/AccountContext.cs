using Extraction.Core.Budgets;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;

namespace Extraction.Core.Models;

/// <summary>What a model call for an account must respect: the budgets it spends from and its deadline.</summary>
public sealed record AccountContext(IReadOnlyList<BudgetScope> Scopes, DateTimeOffset Deadline)
{
    /// <summary>No budget, and a deadline far enough away not to matter (tools, tests of the model alone).</summary>
    public static AccountContext Unbounded { get; } = new([], DateTimeOffset.MaxValue);

    /// <summary>An account of a batch, now: the batch's scopes, and the account's deadline or the batch's, whichever comes first.</summary>
    public static AccountContext For(BatchRef batch, decimal? batchMaxCostUsd, BatchDeadline batchDeadline, BudgetOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new AccountContext(BudgetScope.For(batch, batchMaxCostUsd, options, now), batchDeadline.Bound(now.AddMilliseconds(options.AccountDeadlineMs)));
    }
}
