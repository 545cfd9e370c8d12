using Extraction.Core.Activities;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Extraction.Core.Orchestration;

/// <summary>
/// Registers the orchestrators and activities with a Durable Task worker outside Azure Functions
/// (the CLI, the tests, the benchmark), under the same names the Functions app binds them to.
/// </summary>
public static class ExtractionTasks
{
    public static DurableTaskRegistry AddExtractionTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        BatchOrchestrator.Register(registry);
        ChunkOrchestrator.Register(registry);
        registry.AddActivity(nameof(PlanBatchActivity), sp => Activity<PlanBatchInput, BatchPlan>(sp.GetRequiredService<PlanBatchActivity>().RunAsync));
        registry.AddActivity(nameof(ReadChunkActivity), sp => Activity<ChunkInput, ChunkWork>(sp.GetRequiredService<ReadChunkActivity>().RunAsync));
        registry.AddActivity(nameof(ExtractAccountActivity), sp => Activity<ExtractAccountInput, AccountOutcome>(sp.GetRequiredService<ExtractAccountActivity>().RunAsync));
        registry.AddActivity(nameof(AdmitChunkActivity), sp => Activity<AdmitChunkInput, ChunkAdmission>(sp.GetRequiredService<AdmitChunkActivity>().RunAsync));
        registry.AddActivity(nameof(ExpireBatchActivity), sp => Activity<ExpireBatchInput, StatusCounts>(sp.GetRequiredService<ExpireBatchActivity>().RunAsync));
        registry.AddActivity(nameof(CompleteBatchActivity), sp => Activity<CompleteBatchInput, bool>(sp.GetRequiredService<CompleteBatchActivity>().RunAsync));
        registry.AddActivity(nameof(RecordFailureActivity), sp => Activity<RecordFailureInput, AccountOutcome>(sp.GetRequiredService<RecordFailureActivity>().RunAsync));
        return registry;
    }

    private static DelegateActivity<TInput, TOutput> Activity<TInput, TOutput>(Func<TInput, CancellationToken, Task<TOutput>> run) => new(run);

    private sealed class DelegateActivity<TInput, TOutput>(Func<TInput, CancellationToken, Task<TOutput>> run) : TaskActivity<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => run(input, CancellationToken.None);
    }
}
