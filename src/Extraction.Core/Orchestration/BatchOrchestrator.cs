using Extraction.Core.Activities;
using Microsoft.DurableTask;

namespace Extraction.Core.Orchestration;

/// <summary>
/// Plans a batch, then runs its chunks as sub-orchestrations, at most <c>MaxParallelChunks</c> at a
/// time, publishing progress as custom status. After <c>ChunksPerGeneration</c> chunks it continues
/// as new with its totals, so even a million-account batch keeps a short history. At the end it
/// reports the batch (<see cref="CompleteBatchActivity"/>). A durable timer holds the batch's deadline:
/// when it fires first, open accounts end <c>failed</c> and the batch completes instead of hanging.
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
        if (plan.Rejection is { } rejection)
        {
            // Not a batch at all: fail the orchestration with the reason (the error record is written); no retry loop.
            throw new InvalidDataException(rejection);
        }

        var startedAt = input.StartedAt ?? context.CurrentUtcDateTime;
        var summary = input.Progress ?? BatchSummary.Start(plan);
        context.SetCustomStatus(summary);

        using var deadlineTimer = new CancellationTokenSource();
        var deadline = input.Deadline is { } at ? context.CreateTimer(at, deadlineTimer.Token) : null;
        var end = Math.Min(plan.Chunks, input.NextChunk + input.ChunksPerGeneration);
        var running = new List<Task<BatchSummary>>();
        for (var chunk = input.NextChunk; chunk < end; chunk++)
        {
            if (running.Count == input.MaxParallelChunks)
            {
                if (await CollectOneAsync(context, running, deadline, summary) is not { } next)
                {
                    return await ExpireAsync(context, input, plan, summary, startedAt);
                }

                summary = next;
            }

            running.Add(context.CallSubOrchestratorAsync<BatchSummary>(
                nameof(ChunkOrchestrator),
                new ChunkInput(input.Batch, input.Source, plan.SourceETag, chunk, input.MaxCostUsd, input.Deadline),
                new SubOrchestrationOptions { InstanceId = BatchInput.ChunkInstanceIdFor(context.InstanceId, chunk) }));
        }

        while (running.Count > 0)
        {
            if (await CollectOneAsync(context, running, deadline, summary) is not { } next)
            {
                return await ExpireAsync(context, input, plan, summary, startedAt);
            }

            summary = next;
        }

        deadlineTimer.Cancel();
        if (end < plan.Chunks)
        {
            context.ContinueAsNew(input with { Plan = plan, Progress = summary, NextChunk = end, StartedAt = startedAt });
            return summary;
        }

        await context.CallActivityAsync<bool>(
            nameof(CompleteBatchActivity), new CompleteBatchInput(input.Batch, summary, startedAt, context.CurrentUtcDateTime), Retry);
        return summary;
    }

    /// <summary>Folds in the next chunk to finish; null where the batch deadline fired first.</summary>
    private static async Task<BatchSummary?> CollectOneAsync(
        TaskOrchestrationContext context, List<Task<BatchSummary>> running, Task? deadline, BatchSummary summary)
    {
        var done = await Task.WhenAny(deadline is null ? running : [.. running, deadline]);
        if (done == deadline)
        {
            return null;
        }

        var chunk = (Task<BatchSummary>)done;
        running.Remove(chunk);
        summary = summary.AddChunk(await chunk);
        context.SetCustomStatus(summary);
        return summary;
    }

    /// <summary>The deadline fired: close what is open, report, and complete instead of waiting.</summary>
    private static async Task<BatchSummary> ExpireAsync(TaskOrchestrationContext context, BatchInput input, BatchPlan plan, BatchSummary summary, DateTime startedAt)
    {
        var counts = await context.CallActivityAsync<StatusCounts>(nameof(ExpireBatchActivity), new ExpireBatchInput(input.Batch, plan.Chunks), Retry);
        var final = summary with { Counts = counts };
        context.SetCustomStatus(final);
        await context.CallActivityAsync<bool>(
            nameof(CompleteBatchActivity), new CompleteBatchInput(input.Batch, final, startedAt, context.CurrentUtcDateTime), Retry);
        return final;
    }
}
