using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Query;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.DurableTask.Worker.Grpc.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;
using DurableClient = Microsoft.DurableTask.Client;

namespace Extraction.Cli.Local;

/// <summary>
/// Every way the local engine bends the preview in-process test host (<c>Microsoft.DurableTask.InProcessTestHost</c>)
/// and the worker's internals to run the production orchestrations, in one place: nothing else names them.
/// <c>TestHostPatchesTests</c> shows each stock behaviour a patch answers, so a package that changes one fails
/// there — telling which patch to drop — rather than on a version string.
/// </summary>
internal static class TestHostPatches
{
    /// <summary>
    /// The in-memory engine with its work-item limits raised (the stock one takes <c>Environment.ProcessorCount</c>
    /// work items at once, then its dispatcher sleeps 500 ms).
    /// </summary>
    public static void AddWideInMemoryEngine(IServiceCollection services, Action<DurableTaskRegistry> tasks, int port, Func<IServiceProvider, (int Activities, int Orchestrations)> limits)
    {
        services.AddInMemoryDurableTask(tasks, new InMemoryDurableTaskOptions { Port = port });
        services.Replace(ServiceDescriptor.Singleton<InMemoryOrchestrationService>(sp =>
        {
            var (activities, orchestrations) = limits(sp);
            return new WideInMemoryOrchestrationService(sp.GetService<ILoggerFactory>(), activities, orchestrations);
        }));
    }

    /// <summary>The Azure Storage backend as the sidecar needs it: two of the sidecar's objects become plain DurableTask.Core ones before they are stored.</summary>
    public static IOrchestrationService ForAzureStorage(IOrchestrationService backend) => new SidecarCompatibleService(backend);

    /// <summary>
    /// The worker reconnects (with a warning) when its work-item stream is silent for 2 minutes, expecting the
    /// health pings a Durable backend sends; the loopback sidecar sends none, so an idle serve would warn every two
    /// minutes about a channel that is fine. Only an internal option turns that off.
    /// </summary>
    public static void NoSilentDisconnect(IServiceCollection services) =>
        services.PostConfigureAll<GrpcDurableTaskWorkerOptions>(o => o.SetSilentDisconnectTimeout(TimeSpan.Zero));

    /// <summary>Purges ended instances created before <paramref name="createdBefore"/>, one by one: the in-memory sidecar fails a purge by filter.</summary>
    public static async Task<int> PurgeEndedAsync(DurableClient.DurableTaskClient client, DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        var purged = 0;
        var query = new DurableClient.OrchestrationQuery { CreatedTo = createdBefore, Statuses = [DurableClient.OrchestrationRuntimeStatus.Completed, DurableClient.OrchestrationRuntimeStatus.Failed, DurableClient.OrchestrationRuntimeStatus.Terminated], PageSize = 500 };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            purged += (await client.PurgeInstanceAsync(instance.InstanceId, cancellation: cancellationToken).ConfigureAwait(false)).PurgedInstanceCount;
        }

        return purged;
    }

    /// <summary>
    /// The in-memory engine with its work-item limits raised. The stock service allows only
    /// <c>Environment.ProcessorCount</c> work items at once and its dispatcher then sleeps 500 ms, which
    /// caps a 2-core machine near 4 activities/s; its limits are not settable, so this type re-implements
    /// <see cref="IOrchestrationService"/> to answer the two limit properties with configured values.
    /// </summary>
    private sealed class WideInMemoryOrchestrationService(ILoggerFactory? loggerFactory, int maxActivities, int maxOrchestrations)
        : InMemoryOrchestrationService(loggerFactory), IOrchestrationService
    {
        public new int MaxConcurrentTaskActivityWorkItems => maxActivities;

        public new int MaxConcurrentTaskOrchestrationWorkItems => maxOrchestrations;
    }

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
