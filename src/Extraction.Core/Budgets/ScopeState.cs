namespace Extraction.Core.Budgets;

/// <summary>A scope's ledger row: the ceiling, what is leased out to workers now, what returned leases spent.</summary>
public sealed record ScopeState(long LimitNano, long LeasedNano, long SpentNano, long UnreturnedSpentNano)
{
    /// <summary>What can still be leased.</summary>
    public long AvailableNano => LimitNano - LeasedNano - SpentNano;

    /// <summary>Spent including what live leases have reported but not yet returned.</summary>
    public long TotalSpentNano => SpentNano + UnreturnedSpentNano;
}
