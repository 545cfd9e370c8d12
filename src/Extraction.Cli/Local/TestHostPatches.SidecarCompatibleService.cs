using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Query;

namespace Extraction.Cli.Local;

internal static partial class TestHostPatches
{
    /// <summary>
    /// The Azure Storage backend as the in-process sidecar needs it. The sidecar was written against the
    /// in-memory service, which keeps objects as they are; Azure Storage serializes them, and two of the
    /// sidecar's objects do not survive that:
    /// <list type="bullet">
    /// <item>its sub-orchestration-created history event is a subclass without a data contract, which the
    /// history table stores without an event type (the parent then fails on its next load);</item>
    /// <item>a sub-orchestration's tags arrive as the gRPC message's map type, which the queue message
    /// names by type and cannot load back (the child never starts).</item>
    /// </list>
    /// Both become the plain DurableTask.Core types before they are stored; everything else is delegated.
    /// </summary>
    private sealed class SidecarCompatibleService(IOrchestrationService service) :
        IOrchestrationService, IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
    {
        private readonly IOrchestrationServiceClient _client = (IOrchestrationServiceClient)service;
        private readonly Lock _stopLock = new();
        private Task? _stopping;
        private bool _started;

        public Task CompleteTaskOrchestrationWorkItemAsync(
            TaskOrchestrationWorkItem workItem, OrchestrationRuntimeState newOrchestrationRuntimeState, IList<TaskMessage> outboundMessages,
            IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages, TaskMessage continuedAsNewMessage, OrchestrationState orchestrationState)
        {
            ArgumentNullException.ThrowIfNull(newOrchestrationRuntimeState);
            ReplaceSubclassedEvents(newOrchestrationRuntimeState.Events);
            ReplaceSubclassedEvents(newOrchestrationRuntimeState.NewEvents);
            foreach (var message in orchestratorMessages ?? [])
            {
                if (message.Event is ExecutionStartedEvent { Tags: { } tags } started && tags.GetType() != typeof(Dictionary<string, string>))
                {
                    started.Tags = new Dictionary<string, string>(tags);
                }
            }

            return service.CompleteTaskOrchestrationWorkItemAsync(
                workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
        }

        private static void ReplaceSubclassedEvents(IList<HistoryEvent> events)
        {
            for (var i = 0; i < events.Count; i++)
            {
                if (events[i] is SubOrchestrationInstanceCreatedEvent created && created.GetType() != typeof(SubOrchestrationInstanceCreatedEvent))
                {
                    events[i] = new SubOrchestrationInstanceCreatedEvent(created.EventId)
                    {
                        Timestamp = created.Timestamp,
                        Name = created.Name,
                        Version = created.Version,
                        InstanceId = created.InstanceId,
                        Input = created.Input,
                    };
                }
            }
        }

        public int TaskOrchestrationDispatcherCount => service.TaskOrchestrationDispatcherCount;

        public int MaxConcurrentTaskOrchestrationWorkItems => service.MaxConcurrentTaskOrchestrationWorkItems;

        public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => service.EventBehaviourForContinueAsNew;

        public int TaskActivityDispatcherCount => service.TaskActivityDispatcherCount;

        public int MaxConcurrentTaskActivityWorkItems => service.MaxConcurrentTaskActivityWorkItems;

        public Task StartAsync()
        {
            lock (_stopLock)
            {
                _started = true;
            }

            return service.StartAsync();
        }

        public Task StopAsync() => StopAsync(isForced: false);

        /// <summary>
        /// Once, and only if started: the sidecar stops the backend when its host stops (even a client-only
        /// one that never started it, where the backend throws), and the engine stops it again to be sure
        /// it has; two drains at once fight over the partition table until its timeouts fire.
        /// </summary>
        public Task StopAsync(bool isForced)
        {
            lock (_stopLock)
            {
                return _started ? _stopping ??= service.StopAsync(isForced) : Task.CompletedTask;
            }
        }

        public Task CreateAsync() => service.CreateAsync();

        public Task CreateAsync(bool recreateInstanceStore) => service.CreateAsync(recreateInstanceStore);

        public Task CreateIfNotExistsAsync() => service.CreateIfNotExistsAsync();

        public Task DeleteAsync() => service.DeleteAsync();

        public Task DeleteAsync(bool deleteInstanceStore) => service.DeleteAsync(deleteInstanceStore);

        public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) => service.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

        public int GetDelayInSecondsAfterOnProcessException(Exception exception) => service.GetDelayInSecondsAfterOnProcessException(exception);

        public int GetDelayInSecondsAfterOnFetchException(Exception exception) => service.GetDelayInSecondsAfterOnFetchException(exception);

        public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
            service.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

        public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => service.RenewTaskOrchestrationWorkItemLockAsync(workItem);

        public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => service.AbandonTaskOrchestrationWorkItemAsync(workItem);

        public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => service.ReleaseTaskOrchestrationWorkItemAsync(workItem);

        public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
            service.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);

        public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => service.RenewTaskActivityWorkItemLockAsync(workItem);

        public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) => service.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);

        public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) => service.AbandonTaskActivityWorkItemAsync(workItem);

        public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) => _client.CreateTaskOrchestrationAsync(creationMessage);

        public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[] dedupeStatuses) => _client.CreateTaskOrchestrationAsync(creationMessage, dedupeStatuses);

        public Task SendTaskOrchestrationMessageAsync(TaskMessage message) => _client.SendTaskOrchestrationMessageAsync(message);

        public Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages) => _client.SendTaskOrchestrationMessageBatchAsync(messages);

        public Task<OrchestrationState> WaitForOrchestrationAsync(string instanceId, string executionId, TimeSpan timeout, CancellationToken cancellationToken) =>
            _client.WaitForOrchestrationAsync(instanceId, executionId, timeout, cancellationToken);

        public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) => _client.ForceTerminateTaskOrchestrationAsync(instanceId, reason);

        public Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions) => _client.GetOrchestrationStateAsync(instanceId, allExecutions);

        public Task<OrchestrationState> GetOrchestrationStateAsync(string instanceId, string executionId) => _client.GetOrchestrationStateAsync(instanceId, executionId);

        public Task<string> GetOrchestrationHistoryAsync(string instanceId, string executionId) => _client.GetOrchestrationHistoryAsync(instanceId, executionId);

        public Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType) =>
            _client.PurgeOrchestrationHistoryAsync(thresholdDateTimeUtc, timeRangeFilterType);

        public Task<OrchestrationQueryResult> GetOrchestrationWithQueryAsync(OrchestrationQuery query, CancellationToken cancellationToken) =>
            ((IOrchestrationServiceQueryClient)service).GetOrchestrationWithQueryAsync(query, cancellationToken);

        public Task<PurgeResult> PurgeInstanceStateAsync(string instanceId) => ((IOrchestrationServicePurgeClient)service).PurgeInstanceStateAsync(instanceId);

        public Task<PurgeResult> PurgeInstanceStateAsync(PurgeInstanceFilter purgeInstanceFilter) => ((IOrchestrationServicePurgeClient)service).PurgeInstanceStateAsync(purgeInstanceFilter);
    }
}
