using Extraction.Core.Activities;

namespace Extraction.Core.Orchestration;

/// <summary>What a partner sees of a batch: where it is, counts by status, what it spent.</summary>
public sealed record BatchStatus(
    string BatchId,
    string RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    int Accounts,
    int Done,
    int Chunks,
    int ChunksDone,
    StatusCounts Counts,
    decimal CostUsd,
    string? Failure);
