namespace Extraction.Core.Budgets;

/// <summary>A block of a scope's budget held by one worker: its row in the ledger, and until when it stands.</summary>
public sealed record Lease(BudgetScope Scope, string Id, long AmountNano, DateTimeOffset ExpiresAt);
