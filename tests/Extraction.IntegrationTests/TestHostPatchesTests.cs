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
    public void The_stock_in_memory_service_takes_one_work_item_per_processor_which_AddWideInMemoryEngine_raises()
    {
        IOrchestrationService stock = new InMemoryOrchestrationService(null);

        Assert.Equal((Environment.ProcessorCount, Environment.ProcessorCount), (stock.MaxConcurrentTaskActivityWorkItems, stock.MaxConcurrentTaskOrchestrationWorkItems));
    }

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
