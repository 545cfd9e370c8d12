namespace Extraction.Core.Orchestration;

/// <summary>What a partner may give with a batch: its own budget, and when it must be done.</summary>
public sealed record BatchLimits(decimal? MaxCostUsd, DateTimeOffset? Deadline);
