using Extraction.Core.Activities;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Storage;

namespace Extraction.Core.Orchestration;

/// <summary>
/// Starts a batch orchestration. Carries ids and a blob name, never documents. The fan-out limits
/// travel with the input so the orchestrator stays deterministic on replay.
/// <see cref="Plan"/>, <see cref="Progress"/> and <see cref="NextChunk"/> are set only when the
/// orchestrator continues as new.
/// </summary>
public sealed record BatchInput(
    BatchRef Batch,
    BlobLocation Source,
    int ChunkSize,
    int MaxParallelChunks,
    int ChunksPerGeneration,
    int MaxLineBytes,
    BatchPlan? Plan = null,
    BatchSummary? Progress = null,
    int NextChunk = 0,
    DateTime? StartedAt = null,
    decimal? MaxCostUsd = null,
    DateTime? Deadline = null)
{
    /// <param name="maxCostUsd">The batch's own budget, if it has one.</param>
    /// <param name="deadline">When the batch must be done (UTC); null for the configured default from the start.</param>
    public static BatchInput Create(BatchRef batch, BlobLocation source, BatchOptions options, decimal? maxCostUsd = null, DateTime? deadline = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(batch, source, options.ChunkSize, options.MaxParallelChunks, options.ChunksPerGeneration, options.MaxLineBytes,
            MaxCostUsd: maxCostUsd, Deadline: deadline);
    }

    private const string ChunkMarker = ":chunk:";

    /// <summary>The sub-orchestration of one chunk of a batch, named once for the orchestrator and whoever purges it.</summary>
    public static string ChunkInstanceIdFor(string batchInstanceId, int chunk) => $"{batchInstanceId}{ChunkMarker}{chunk:D6}";

    public static bool IsChunkInstance(string instanceId) => instanceId?.Contains(ChunkMarker, StringComparison.Ordinal) ?? false;

    /// <summary>One orchestration per partner and batch: the same batch never runs twice at once.</summary>
    public static string InstanceIdFor(BatchRef batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return $"batch:{batch.Partner}:{batch.BatchId}";
    }
}
