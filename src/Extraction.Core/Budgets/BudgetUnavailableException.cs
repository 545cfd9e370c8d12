namespace Extraction.Core.Budgets;

/// <summary>The ledger could not be read or written: fail closed, make no model call.</summary>
public sealed class BudgetUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
