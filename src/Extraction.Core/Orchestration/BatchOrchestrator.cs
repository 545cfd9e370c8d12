using Extraction.Core.Activities;
using Microsoft.DurableTask;

namespace Extraction.Core.Orchestration;

/// <summary>
/// Plans a batch, then runs its chunks as sub-orchestrations, at most <c>MaxParallelChunks</c> at a
/// time, publishing progress as custom status. After <c>ChunksPerGeneration</c> chunks it continues
/// as new with its totals, so even a million-account batch keeps a short history. At the end it
/// reports the batch (<see cref="CompleteBatchActivity"/>).
/// </summary>
public static class BatchOrchestrator
{
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(3, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2));

    /// <summary>Registered here, beside the method, because the Durable analyzers only follow a method group within its own file.</summary>
    internal static void Register(DurableTaskRegistry registry) =>
        registry.AddOrchestratorFunc<BatchInput, BatchSummary>(nameof(BatchOrchestrator), RunAsync);

    public static async Task<BatchSummary> RunAsync(TaskOrchestrationContext context, BatchInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var plan = input.Plan ?? await context.CallActivityAsync<BatchPlan>(
            nameof(PlanBatchActivity), new PlanBatchInput(input.Batch, input.Source, input.ChunkSize, input.MaxLineBytes), Retry);
        var startedAt = input.StartedAt ?? context.CurrentUtcDateTime;
        var summary = input.Progress ?? BatchSummary.Start(plan);
        context.SetCustomStatus(summary);

        var end = Math.Min(plan.Chunks, input.NextChunk + input.ChunksPerGeneration);
        var running = new List<Task<BatchSummary>>();
        for (var chunk = input.NextChunk; chunk < end; chunk++)
        {
            if (running.Count == input.MaxParallelChunks)
            {
                summary = await CollectOneAsync(context, running, summary);
            }

            running.Add(context.CallSubOrchestratorAsync<BatchSummary>(
                nameof(ChunkOrchestrator),
                new ChunkInput(input.Batch, input.Source, plan.SourceETag, chunk, input.MaxCostUsd, input.Deadline),
                new SubOrchestrationOptions { InstanceId = $"{context.InstanceId}:chunk:{chunk:D6}" }));
        }

        while (running.Count > 0)
        {
            summary = await CollectOneAsync(context, running, summary);
        }

        if (end < plan.Chunks)
        {
            context.ContinueAsNew(input with { Plan = plan, Progress = summary, NextChunk = end, StartedAt = startedAt });
            return summary;
        }

        await context.CallActivityAsync<bool>(
            nameof(CompleteBatchActivity), new CompleteBatchInput(input.Batch, summary, startedAt, context.CurrentUtcDateTime), Retry);
        return summary;
    }

    private static async Task<BatchSummary> CollectOneAsync(TaskOrchestrationContext context, List<Task<BatchSummary>> running, BatchSummary summary)
    {
        var done = await Task.WhenAny(running);
        running.Remove(done);
        summary = summary.AddChunk(await done);
        context.SetCustomStatus(summary);
        return summary;
    }
}
