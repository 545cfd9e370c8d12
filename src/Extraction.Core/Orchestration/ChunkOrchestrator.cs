using Extraction.Core.Activities;
using Extraction.Core.Storage;
using Microsoft.DurableTask;

namespace Extraction.Core.Orchestration;

/// <summary>
/// Fans out one extraction activity per account of a chunk (at most <c>Batch:ChunkSize</c>), so no
/// orchestrator holds thousands of pending tasks. An account whose activity fails past its retries
/// still gets a <c>failed</c> result: one failed call never loses an account.
/// </summary>
public static class ChunkOrchestrator
{
    public const int MaxAttempts = 3;

    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(MaxAttempts, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    /// <summary>Registered here, beside the method, because the Durable analyzers only follow a method group within its own file.</summary>
    internal static void Register(DurableTaskRegistry registry) =>
        registry.AddOrchestratorFunc<ChunkInput, BatchSummary>(nameof(ChunkOrchestrator), RunAsync);

    public static async Task<BatchSummary> RunAsync(TaskOrchestrationContext context, ChunkInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var work = await context.CallActivityAsync<ChunkWork>(nameof(ReadChunkActivity), input, Retry);
        var admission = work.Pending.Count == 0
            ? new ChunkAdmission([], StatusCounts.Zero)
            : await context.CallActivityAsync<ChunkAdmission>(nameof(AdmitChunkActivity), new AdmitChunkInput(input, work.Pending), Retry);
        var span = ByteSpan.Covering(admission.Admitted);
        var outcomes = await Task.WhenAll(admission.Admitted.Select(item => ExtractAsync(context, input, item, span)));
        return BatchSummary.Of(outcomes).AddResumed(work.Resumed).AddClosed(admission.Closed);
    }

    private static async Task<AccountOutcome> ExtractAsync(TaskOrchestrationContext context, ChunkInput input, WorkItem item, ByteSpan? span)
    {
        try
        {
            return await context.CallActivityAsync<AccountOutcome>(
                nameof(ExtractAccountActivity), new ExtractAccountInput(input.Batch, input.Source, input.SourceETag, item, input.MaxCostUsd, input.Deadline, span, context.CurrentUtcDateTime), Retry);
        }
        catch (TaskFailedException ex)
        {
            var reason = $"Extraction failed after {MaxAttempts} attempts ({FailureText.Describe(ex.FailureDetails)}); re-run the batch to try again.";
            return await context.CallActivityAsync<AccountOutcome>(
                nameof(RecordFailureActivity), new RecordFailureInput(input.Batch, item, reason), Retry);
        }
    }
}
