using Extraction.Core.Contracts;

namespace Extraction.Core.Orchestration;

/// <summary>What the orchestration needs to know of a finished account: enough to count, nothing more.</summary>
/// <param name="Resumed">True where a final result was already stored and no model was called.</param>
public sealed record AccountOutcome(ResultStatus Status, decimal CostUsd, bool Resumed);
