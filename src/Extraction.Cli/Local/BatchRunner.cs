using System.Diagnostics;
using Extraction.Core.Activities;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Orchestration;
using Grpc.Core;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Extraction.Cli.Local;

/// <summary>How a local batch run ended.</summary>
public sealed record RunOutcome(StartedBatch Started, OrchestrationRuntimeStatus Status, BatchSummary? Summary, string? Failure, TimeSpan Elapsed)
{
    public bool Succeeded => Status == OrchestrationRuntimeStatus.Completed;
}

/// <summary>
/// Stages a local batch file, starts its orchestration on the local engine and follows it to the end,
/// purging its finished chunk orchestrations on the way so the engine's state does not grow with the batch.
/// </summary>
public sealed class BatchRunner(IServiceProvider services)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxUnreachable = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromSeconds(1);

    public async Task<RunOutcome> RunAsync(
        BatchRef batch, string file, Action<BatchSummary>? onProgress = null, BatchLimits? limits = null, CancellationToken cancellationToken = default)
    {
        var intake = services.GetRequiredService<BatchIntake>();
        var client = services.GetRequiredService<DurableTaskClient>();

        var clock = Stopwatch.StartNew();
        StagedSource staged;
        await using (var content = File.OpenRead(file))
        {
            var hash = await BatchIntake.HashAsync(content, cancellationToken).ConfigureAwait(false);
            content.Position = 0;
            staged = await intake.StageAsync(batch, content, hash, cancellationToken).ConfigureAwait(false);
        }

        if (!staged.SameAsEarlier)
        {
            throw new BatchIdTakenException(batch);
        }

        var started = await intake.StartAsync(client, batch, staged.Location, limits, cancellationToken).ConfigureAwait(false);
        var purger = services.GetRequiredService<IOptions<DurableOptions>>().Value.PurgeFinishedChunks
            ? new FinishedChunkPurger(client, started.InstanceId, services.GetRequiredService<IOptions<BatchOptions>>().Value.MaxParallelChunks)
            : null;
        var lastPurge = TimeSpan.Zero;
        var unreachableSince = (DateTime?)null;
        while (true)
        {
            OrchestrationMetadata? state;
            try
            {
                state = await client.GetInstanceAsync(started.InstanceId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
                unreachableSince = null;
            }
            catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The task hub's storage is away (restarting, say): the batch lives on in its history, so keep asking for a while.
                unreachableSince ??= DateTime.UtcNow;
                if (DateTime.UtcNow - unreachableSince > MaxUnreachable)
                {
                    throw new TaskHubUnreachableException(started.InstanceId, MaxUnreachable, ex);
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (state is null)
            {
                throw new InvalidOperationException($"Orchestration {started.InstanceId} vanished.");
            }

            if (state.SerializedCustomStatus is not null && state.ReadCustomStatusAs<BatchSummary>() is { } progress)
            {
                onProgress?.Invoke(progress);
                if (purger is not null && (state.IsCompleted || clock.Elapsed - lastPurge >= PurgeInterval))
                {
                    await purger.PurgeAsync(progress.Chunks, state.IsCompleted ? progress.Chunks : progress.ChunksDone, cancellationToken).ConfigureAwait(false);
                    lastPurge = clock.Elapsed;
                }
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

/// <summary>The engine could not tell how the batch stands for too long; it may well still be running.</summary>
public sealed class TaskHubUnreachableException(string instanceId, TimeSpan waited, Exception inner)
    : Exception($"The task hub did not answer for {waited.TotalSeconds:F0} s while following {instanceId} ({inner.GetType().Name}). The batch is kept in its history; run the same command again to follow it.", inner);

/// <summary>A batch id already names a batch with other content: the run would silently answer with that one.</summary>
public sealed class BatchIdTakenException(BatchRef batch)
    : Exception($"Batch id {batch.BatchId} of {batch.Partner} was used before for a different file. Choose another --batch-id, or leave it out to derive one from the file.");
