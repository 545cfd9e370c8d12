using System.Collections.Concurrent;
using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask.Testing.Sidecar;

namespace Extraction.Cli.Local;

internal static partial class TestHostPatches
{
    /// <summary>
    /// The in-memory engine as a long-running serve needs it. It re-implements <see cref="IOrchestrationService"/>
    /// for two members:
    /// <list type="bullet">
    /// <item>the work-item limits: the stock service allows <c>Environment.ProcessorCount</c> work items at once and
    /// its dispatcher then sleeps 500 ms, which caps a 2-core machine near 4 activities/s, and they are not settable;</item>
    /// <item>durable timers: the stock service holds each one in a <c>Task.Delay</c> until it fires, whether or not its
    /// orchestration is still there — every batch's deadline timer stayed in memory for a day after the batch ended
    /// (and then made its purged instance again as an empty record). Here an instance's timers end with it.</item>
    /// </list>
    /// </summary>
    private sealed class PatchedInMemoryService(ILoggerFactory? loggerFactory, int maxActivities, int maxOrchestrations)
        : InMemoryOrchestrationService(loggerFactory), IOrchestrationService
    {
        private readonly ConcurrentDictionary<string, CancellationTokenSource> _timers = new(StringComparer.Ordinal);

        public new int MaxConcurrentTaskActivityWorkItems => maxActivities;

        public new int MaxConcurrentTaskOrchestrationWorkItems => maxOrchestrations;

        Task IOrchestrationService.CompleteTaskOrchestrationWorkItemAsync(
            TaskOrchestrationWorkItem workItem, OrchestrationRuntimeState newOrchestrationRuntimeState, IList<TaskMessage> outboundMessages,
            IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages, TaskMessage continuedAsNewMessage, OrchestrationState orchestrationState)
        {
            ArgumentNullException.ThrowIfNull(newOrchestrationRuntimeState);
            var instanceId = newOrchestrationRuntimeState.OrchestrationInstance!.InstanceId;
            if (newOrchestrationRuntimeState.OrchestrationStatus is OrchestrationStatus.Completed or OrchestrationStatus.Failed
                or OrchestrationStatus.Terminated or OrchestrationStatus.Canceled)
            {
                // One work item at a time per instance: nothing schedules a timer for it while this runs.
                if (_timers.TryRemove(instanceId, out var ended))
                {
                    ended.Cancel();
                    ended.Dispose();
                }
            }
            else
            {
                foreach (var timer in timerMessages ?? [])
                {
                    _ = FireAsync(timer, _timers.GetOrAdd(instanceId, _ => new CancellationTokenSource()).Token);
                }
            }

            return CompleteTaskOrchestrationWorkItemAsync(
                workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, [], continuedAsNewMessage, orchestrationState);
        }

        /// <summary>Delivers the timer when it is due, as the stock service does then, unless its instance ended first.</summary>
        private async Task FireAsync(TaskMessage timer, CancellationToken instanceEnded)
        {
            var due = timer.Event is TimerFiredEvent fired ? fired.FireAt - DateTime.UtcNow : TimeSpan.Zero;
            try
            {
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, instanceEnded).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await SendTaskOrchestrationMessageAsync(timer).ConfigureAwait(false);
        }
    }
}
