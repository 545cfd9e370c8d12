using System.Diagnostics;
using Extraction.Core.Orchestration;
using Extraction.Core.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Extraction.Cli.Local;

/// <summary>How a local batch run ended.</summary>
public sealed record RunOutcome(StartedBatch Started, OrchestrationRuntimeStatus Status, BatchSummary? Summary, string? Failure, TimeSpan Elapsed)
{
    public bool Succeeded => Status == OrchestrationRuntimeStatus.Completed;
}

/// <summary>Stages a local batch file, starts its orchestration on the local engine and follows it to the end.</summary>
public sealed class BatchRunner(IServiceProvider services)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public async Task<RunOutcome> RunAsync(
        BatchRef batch, string file, Action<BatchSummary>? onProgress = null, BatchLimits? limits = null, CancellationToken cancellationToken = default)
    {
        var intake = services.GetRequiredService<BatchIntake>();
        var client = services.GetRequiredService<DurableTaskClient>();

        var clock = Stopwatch.StartNew();
        BlobLocation source;
        await using (var content = File.OpenRead(file))
        {
            source = await intake.StageAsync(batch, content, cancellationToken).ConfigureAwait(false);
        }

        var started = await intake.StartAsync(client, batch, source, limits, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var state = await client.GetInstanceAsync(started.InstanceId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Orchestration {started.InstanceId} vanished.");
            if (onProgress is not null && state.SerializedCustomStatus is not null && state.ReadCustomStatusAs<BatchSummary>() is { } progress)
            {
                onProgress(progress);
            }

            if (state.IsCompleted)
            {
                var summary = state.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? state.ReadOutputAs<BatchSummary>() : null;
                return new RunOutcome(started, state.RuntimeStatus, summary, state.FailureDetails?.ErrorMessage, clock.Elapsed);
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }
}
