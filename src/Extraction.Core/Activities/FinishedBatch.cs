using Extraction.Core.Contracts;

namespace Extraction.Core.Activities;

/// <summary>What a batch came to, and when it started and ended (<see cref="FinishedBatches"/>).</summary>
public sealed record FinishedBatch(BatchRef Batch, BatchSummary Summary, DateTimeOffset StartedAt, DateTimeOffset CompletedAt);
