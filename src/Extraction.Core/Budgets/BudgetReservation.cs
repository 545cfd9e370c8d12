namespace Extraction.Core.Budgets;

/// <summary>Budget set aside for one model call in every scope it spends from; or the scope that had no room.</summary>
public sealed record BudgetReservation(IReadOnlyList<BudgetScope> Scopes, long AmountNano, BudgetScope? DeniedBy)
{
    public bool Granted => DeniedBy is null;

    /// <summary>The scopes' leases it took from, which its settlement goes back to (none when refused).</summary>
    internal IReadOnlyList<ScopeLease> Held { get; init; } = [];
}
