using System.ComponentModel.DataAnnotations;

namespace Extraction.Cli.Local;

/// <summary>
/// Work-item limits of the in-process Durable Task engine. Section <c>LocalEngine</c>.
/// Its dispatcher backs off 500 ms whenever the limit is reached, so a limit below the work a batch
/// can have ready at once (chunk size × parallel chunks) caps throughput at limit / 0.5 s. Left
/// unset, each limit is sized from <c>Batch</c> (twice the ready work) so a batch run never hits it.
/// </summary>
public sealed class LocalEngineOptions
{
    public const string Section = "LocalEngine";

    /// <summary>Activities in flight at once (the Functions host's <c>maxConcurrentActivityFunctions</c>).</summary>
    [Range(1, 100_000)]
    public int? MaxConcurrentActivities { get; set; }

    /// <summary>Orchestration episodes in flight at once (<c>maxConcurrentOrchestratorFunctions</c>).</summary>
    [Range(1, 10_000)]
    public int? MaxConcurrentOrchestrations { get; set; }
}
