using Extraction.Core.Budgets;

namespace Extraction.Core.Models;

/// <summary>What a model call for an account must respect: the budgets it spends from and its deadline.</summary>
public sealed record AccountContext(IReadOnlyList<BudgetScope> Scopes, DateTimeOffset Deadline)
{
    /// <summary>No budget, and a deadline far enough away not to matter (tools, tests of the model alone).</summary>
    public static AccountContext Unbounded { get; } = new([], DateTimeOffset.MaxValue);
}
