using Extraction.Core.Contracts;

namespace Extraction.Core.Activities;

/// <summary>What the orchestration needs to know of a finished account: enough to count, nothing more.</summary>
public sealed record AccountOutcome(ResultStatus Status, decimal CostUsd);
