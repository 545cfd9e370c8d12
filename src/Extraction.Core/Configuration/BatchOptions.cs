using System.ComponentModel.DataAnnotations;

namespace Extraction.Core.Configuration;

/// <summary>How a batch is cut up and fanned out. Section <c>Batch</c>.</summary>
public sealed class BatchOptions
{
    public const string Section = "Batch";

    /// <summary>Accounts per sub-orchestration: bounds each orchestrator's pending tasks and history.</summary>
    [Range(1, 1000)]
    public int ChunkSize { get; set; } = 100;

    /// <summary>Chunks in flight at once per batch.</summary>
    [Range(1, 256)]
    public int MaxParallelChunks { get; set; } = 16;

    /// <summary>Chunks a batch orchestrator runs before it continues as new, to keep its history small.</summary>
    [Range(1, 10_000)]
    public int ChunksPerGeneration { get; set; } = 200;

    /// <summary>The largest batch an HTTP request may carry (blob uploads have no such limit: they stream).</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxRequestBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>The most accounts one HTTP request may carry.</summary>
    [Range(1, 10_000_000)]
    public int MaxAccountsPerRequest { get; set; } = 100_000;

    /// <summary>The longest batch line accepted, in bytes; longer lines end <c>invalid_input</c>.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxLineBytes { get; set; } = 1_048_576;
}
