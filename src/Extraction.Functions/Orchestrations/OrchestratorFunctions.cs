using Extraction.Core.Activities;
using Extraction.Core.Orchestration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Extraction.Functions.Orchestrations;

/// <summary>The Functions host's trigger for each orchestrator; the orchestration is the core's, run the same way by the local engine.</summary>
public static class OrchestratorFunctions
{
    [Function(nameof(BatchOrchestrator))]
    public static Task<BatchSummary> Batch([OrchestrationTrigger] TaskOrchestrationContext context, BatchInput input) =>
        BatchOrchestrator.RunAsync(context, input);

    [Function(nameof(ChunkOrchestrator))]
    public static Task<BatchSummary> Chunk([OrchestrationTrigger] TaskOrchestrationContext context, ChunkInput input) =>
        ChunkOrchestrator.RunAsync(context, input);
}
