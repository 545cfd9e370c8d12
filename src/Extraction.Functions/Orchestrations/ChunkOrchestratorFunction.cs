using Extraction.Core.Activities;
using Extraction.Core.Orchestration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Extraction.Functions.Orchestrations;

public static class ChunkOrchestratorFunction
{
    [Function(nameof(ChunkOrchestrator))]
    public static Task<BatchSummary> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context, ChunkInput input) =>
        ChunkOrchestrator.RunAsync(context, input);
}
