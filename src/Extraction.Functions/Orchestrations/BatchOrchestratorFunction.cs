using Extraction.Core.Activities;
using Extraction.Core.Orchestration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Extraction.Functions.Orchestrations;

public static class BatchOrchestratorFunction
{
    [Function(nameof(BatchOrchestrator))]
    public static Task<BatchSummary> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context, BatchInput input) =>
        BatchOrchestrator.RunAsync(context, input);
}
