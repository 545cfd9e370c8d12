using System.ComponentModel.DataAnnotations;

namespace Extraction.Cli.Local;

/// <summary>
/// The Durable Task engine the CLI and the tests run the orchestrations on. Section <c>Durable</c>.
/// <c>in-memory</c> (the default) keeps all state in this process; <c>azure-storage</c> is the Functions
/// extension's default backend — control queues, history and instance tables, partition leases —
/// on the account <c>Storage</c> names, so several processes can share one task hub and a crashed one
/// is replaced from its history.
/// </summary>
public sealed class DurableOptions : IValidatableObject
{
    public const string Section = "Durable";

    public const string InMemory = "in-memory";

    public const string AzureStorage = "azure-storage";

    public string Engine { get; set; } = InMemory;

    /// <summary>Groups the queues, tables and leases of one app; Azure allows 3–45 letters and digits, starting with a letter.</summary>
    [RegularExpression(@"\A[A-Za-z][A-Za-z0-9]{2,44}\z", ErrorMessage = "Durable:TaskHub must be 3–45 letters and digits starting with a letter (Azure Storage names its queues and tables after it).")]
    public string TaskHub { get; set; } = "ExtractionHub";

    /// <summary>
    /// Purge each chunk orchestration once it has finished (its history is not read again, and kept it
    /// grows the engine's state with the batch). Off to keep every history, e.g. to replay them.
    /// </summary>
    public bool PurgeFinishedChunks { get; set; } = true;

    /// <summary>
    /// In memory: finished orchestrations (batches and their chunks) created longer ago than this are purged, so a
    /// long-running <c>extract serve</c> holds the batches of the last minutes, not every batch it ever ran. A
    /// finished batch's status is then read from its record (<c>finished.json</c>) and its results. 0 keeps them all.
    /// </summary>
    [Range(0, 7 * 24 * 3_600)]
    public int KeepFinishedSeconds { get; set; } = 600;

    /// <summary>Control queues of the task hub: the most workers that can run orchestrations at once. Fixed when the hub is created.</summary>
    [Range(1, 16, ErrorMessage = "Durable:PartitionCount must be from 1 to 16.")]
    public int PartitionCount { get; set; } = 4;

    /// <summary>The Azure Storage engine's activities in flight per worker when unset (host.json's <c>maxConcurrentActivityFunctions</c>).</summary>
    public const int AzureStorageActivities = 100;

    /// <summary>Activities in flight at once per worker (the Functions host's <c>maxConcurrentActivityFunctions</c>). When unset: sized from <c>Batch</c> in memory, <see cref="AzureStorageActivities"/> on Azure Storage.</summary>
    [Range(1, 100_000)]
    public int? MaxConcurrentActivities { get; set; }

    /// <summary>Orchestration episodes in flight at once per worker (<c>maxConcurrentOrchestratorFunctions</c>). Sized from <c>Batch</c> when unset.</summary>
    [Range(1, 10_000)]
    public int? MaxConcurrentOrchestrations { get; set; }

    /// <summary>Longest back-off of an idle queue poll (<c>maxQueuePollingInterval</c>): the most an idle worker adds to a new batch's start.</summary>
    [Range(10, 60_000)]
    public int MaxQueuePollingIntervalMs { get; set; } = 1_000;

    /// <summary>
    /// How long a dequeued message stays invisible (<c>controlQueueVisibilityTimeout</c> and
    /// <c>workItemQueueVisibilityTimeout</c>, 5 minutes by default in Azure): the messages a killed worker
    /// held, or a worker held when a partition lease moved, wait this long before another worker takes
    /// them. Measured (docs/performance.md): with two workers 300 s stalled batches for minutes while
    /// leases settled; 60 s is twice the longest activity (<c>Budget:AccountDeadlineMs</c>, 30 s), which it
    /// must exceed since the sidecar does not renew it.
    /// </summary>
    [Range(10, 3_600)]
    public int MessageVisibilitySeconds { get; set; } = 60;

    /// <summary>
    /// How long a partition lease lasts without renewal: a worker killed with its leases holds their
    /// orchestrations still for up to this long before another worker takes them over.
    /// </summary>
    [Range(15, 300)]
    public int LeaseSeconds { get; set; } = 30;

    public bool UsesAzureStorage => IsAzureStorage(Engine);

    public static bool IsAzureStorage(string? engine) => string.Equals(engine, AzureStorage, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.Equals(Engine, InMemory, StringComparison.OrdinalIgnoreCase) && !UsesAzureStorage)
        {
            yield return new ValidationResult($"Durable:Engine must be '{InMemory}' or '{AzureStorage}'; got '{Engine}'.", [nameof(Engine)]);
        }
    }
}
