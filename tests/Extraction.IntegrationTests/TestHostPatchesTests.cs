using System.Reflection;
using System.Runtime.Serialization;
using DurableTask.Core;
using DurableTask.Core.History;
using Extraction.Cli.Local;
using Extraction.Core.Contracts;
using Extraction.Core.Tests;
using Extraction.IntegrationTests.TestKit;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar;

namespace Extraction.IntegrationTests;

/// <summary>
/// The stock behaviours of the preview in-process test host that <see cref="TestHostPatches"/> answers, shown on the
/// unpatched package: when a new version changes one, its test here fails and names the patch that may go.
/// </summary>
public sealed class TestHostPatchesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public void The_stock_in_memory_service_takes_one_work_item_per_processor_which_AddPatchedInMemoryEngine_raises()
    {
        IOrchestrationService stock = new InMemoryOrchestrationService(null);

        Assert.Equal((Environment.ProcessorCount, Environment.ProcessorCount), (stock.MaxConcurrentTaskActivityWorkItems, stock.MaxConcurrentTaskOrchestrationWorkItems));
    }

    [Fact]
    public async Task The_stock_in_memory_service_holds_a_durable_timer_until_it_fires_after_its_instance_ended_which_the_patched_one_lets_go()
    {
        IOrchestrationService stock = new InMemoryOrchestrationService(null);
        IOrchestrationService patched = TestHostPatches.InMemoryService(null, 4, 4);

        Assert.True(await TimerHeldAfterEndAsync(stock), "the stock service no longer holds an ended instance's timer: the timer patch may go");
        Assert.False(await TimerHeldAfterEndAsync(patched));
    }

    [Fact]
    public async Task The_patched_in_memory_service_still_fires_a_due_timer_of_a_running_instance()
    {
        var service = TestHostPatches.InMemoryService(null, 4, 4);
        var running = Running("timer-fires");
        await ((IOrchestrationService)service).CompleteTaskOrchestrationWorkItemAsync(
            new TaskOrchestrationWorkItem { InstanceId = "timer-fires", OrchestrationRuntimeState = running }, running, [], [], [Timer("timer-fires", TimeSpan.FromMilliseconds(300))], null!, Status(running));

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var item = await ((IOrchestrationService)service).LockNextTaskOrchestrationWorkItemAsync(TimeSpan.FromSeconds(10), wait.Token);

        Assert.IsType<TimerFiredEvent>(Assert.Single(item.NewMessages).Event);
    }

    /// <summary>An instance sets a timer an hour away, then ends: whether the service still holds the timer's message two seconds later (a cancelled wait lets go as its continuation runs).</summary>
    private static async Task<bool> TimerHeldAfterEndAsync(IOrchestrationService service)
    {
        var id = $"timer-{Guid.NewGuid():N}";
        var running = Running(id);
        var timer = await SetTimerAsync(service, running);
        running.AddEvent(new ExecutionCompletedEvent(1, "done", OrchestrationStatus.Completed));
        await service.CompleteTaskOrchestrationWorkItemAsync(new TaskOrchestrationWorkItem { InstanceId = id, OrchestrationRuntimeState = running }, running, [], [], [], null!, Status(running));
        for (var tries = 0; tries < 40; tries++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            if (!timer.IsAlive)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> SetTimerAsync(IOrchestrationService service, OrchestrationRuntimeState running)
    {
        var id = running.OrchestrationInstance!.InstanceId;
        var timer = Timer(id, TimeSpan.FromHours(1));
        await service.CompleteTaskOrchestrationWorkItemAsync(new TaskOrchestrationWorkItem { InstanceId = id, OrchestrationRuntimeState = running }, running, [], [], [timer], null!, Status(running));
        return new WeakReference(timer);
    }

    private static OrchestrationRuntimeState Running(string id) => new([new ExecutionStartedEvent(-1, "null")
    {
        Name = "Batch",
        OrchestrationInstance = new OrchestrationInstance { InstanceId = id, ExecutionId = "e1" },
    }]);

    private static TaskMessage Timer(string id, TimeSpan after) => new()
    {
        OrchestrationInstance = new OrchestrationInstance { InstanceId = id, ExecutionId = "e1" },
        Event = new TimerFiredEvent(-1, DateTime.UtcNow + after) { TimerId = 0 },
    };

    private static OrchestrationState Status(OrchestrationRuntimeState state) => new()
    {
        OrchestrationInstance = state.OrchestrationInstance,
        OrchestrationStatus = state.OrchestrationStatus,
        Name = state.Name,
        CreatedTime = state.CreatedTime,
        LastUpdatedTime = DateTime.UtcNow,
    };

    [Fact]
    public void The_sidecar_records_a_sub_orchestration_as_a_subclass_without_a_data_contract_which_ForAzureStorage_replaces()
    {
        var subclasses = typeof(InMemoryOrchestrationService).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(SubOrchestrationInstanceCreatedEvent))).ToList();

        var subclass = Assert.Single(subclasses);
        Assert.Null(subclass.GetCustomAttribute<DataContractAttribute>());
        Assert.NotNull(typeof(SubOrchestrationInstanceCreatedEvent).GetCustomAttribute<DataContractAttribute>());
    }

    [Fact]
    public void The_sidecar_passes_a_sub_orchestrations_tags_as_the_grpc_map_type_which_ForAzureStorage_replaces()
    {
        var action = new Microsoft.DurableTask.Protobuf.OrchestratorAction
        {
            Id = 1,
            CreateSubOrchestration = new Microsoft.DurableTask.Protobuf.CreateSubOrchestrationAction { Name = "Chunk", InstanceId = "child", Tags = { ["partner"] = "acme" } },
        };

        var created = Assert.IsAssignableFrom<DurableTask.Core.Command.CreateSubOrchestrationAction>(Microsoft.DurableTask.Testing.Sidecar.Grpc.ProtobufUtils.ToOrchestratorAction(action));

        Assert.NotEqual(typeof(Dictionary<string, string>), created.Tags!.GetType());
        Assert.Equal("acme", created.Tags["partner"]);
    }

    [Fact]
    public async Task The_in_memory_sidecar_fails_a_purge_by_filter_so_PurgeEndedAsync_purges_by_id()
    {
        await using var pipeline = await Pipeline.StartAsync(azurite);
        var batch = new BatchRef("acme", "patches-purge");
        await pipeline.RunFileAsync(batch, await Pipeline.WriteBatchFileAsync([.. ReferenceSamples.BatchLines().Take(3)]));
        var ended = new PurgeInstancesFilter(CreatedTo: DateTimeOffset.UtcNow.AddSeconds(1), Statuses: [OrchestrationRuntimeStatus.Completed]);

        await Assert.ThrowsAnyAsync<Grpc.Core.RpcException>(() => pipeline.Client.PurgeAllInstancesAsync(ended));
        var purged = await TestHostPatches.PurgeEndedAsync(pipeline.Client, DateTimeOffset.UtcNow.AddSeconds(1), CancellationToken.None);

        Assert.True(purged >= 1, $"{purged} purged: the batch at least (its chunks went as they finished)");
        Assert.Null(await pipeline.Client.GetInstanceAsync(Core.Orchestration.BatchInput.InstanceIdFor(batch)));
    }
}
