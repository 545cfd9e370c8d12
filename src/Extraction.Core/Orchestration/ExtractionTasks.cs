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
        foreach (var activity in PipelineActivities.All)
        {
            var adapter = typeof(DelegateActivity<,>).MakeGenericType(activity.Input, activity.Output);
            registry.AddActivity(activity.Name, sp => (ITaskActivity)Activator.CreateInstance(adapter, sp.GetRequiredService(activity.Type))!);
        }

        return registry;
    }

    /// <summary>A pipeline activity as the Durable Task worker runs it (Durable does not cancel activities).</summary>
    private sealed class DelegateActivity<TInput, TOutput>(IPipelineActivity<TInput, TOutput> activity) : TaskActivity<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => activity.RunAsync(input, CancellationToken.None);
    }
}
