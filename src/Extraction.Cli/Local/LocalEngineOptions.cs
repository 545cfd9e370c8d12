using System.ComponentModel.DataAnnotations;

namespace Extraction.Cli.Local;

/// <summary>Limits of the in-process Durable Task engine. Section <c>LocalEngine</c>.</summary>
public sealed class LocalEngineOptions
{
    public const string Section = "LocalEngine";

    /// <summary>Activities in flight at once (the Functions host's <c>maxConcurrentActivityFunctions</c>).</summary>
    [Range(1, 4096)]
    public int MaxConcurrentActivities { get; set; } = 64;

    /// <summary>Orchestration episodes in flight at once (<c>maxConcurrentOrchestratorFunctions</c>).</summary>
    [Range(1, 1024)]
    public int MaxConcurrentOrchestrations { get; set; } = 16;
}
