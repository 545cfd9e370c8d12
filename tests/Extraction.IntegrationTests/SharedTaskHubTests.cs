using Extraction.Cli.Local;
using Extraction.Core.Contracts;
using Extraction.Core.Tests;
using Extraction.IntegrationTests.TestKit;
using Microsoft.Extensions.Configuration;

namespace Extraction.IntegrationTests;

/// <summary>Several hosts on one Azure Storage task hub, as Function app instances share one.</summary>
public sealed class SharedTaskHubTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_host_without_a_worker_submits_a_batch_that_two_worker_hosts_on_its_task_hub_complete()
    {
        // The pipeline supplies the storage names; its own host runs no worker.
        await using var client = await Pipeline.StartAsync(azurite, engine: DurableOptions.AzureStorage, runsWorker: false);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(client.Settings).Build();
        using var first = LocalEngine.Build(configuration);
        using var second = LocalEngine.Build(configuration);
        await first.StartAsync();
        await second.StartAsync();
        var file = await Pipeline.WriteBatchFileAsync([.. ReferenceSamples.BatchLines().Take(40)]);
        var batch = new BatchRef("acme", "shared-hub");

        var outcome = await client.RunFileAsync(batch, file);

        Assert.True(outcome.Succeeded, outcome.Failure);
        var rows = await client.ResultsOfAsync(batch);
        Assert.Equal(Enumerable.Range(1, 40), rows.Select(r => r.Line));
        Assert.All(rows, r => Assert.Equal(ResultStatus.Extracted, r.Result.Status));
        await first.StopAsync();
        await second.StopAsync();
    }

    [Fact]
    public async Task A_host_without_a_worker_on_the_in_memory_engine_is_refused_since_nothing_could_run_its_work() =>
        await Assert.ThrowsAsync<InvalidOperationException>(() => Pipeline.StartAsync(azurite, runsWorker: false));
}
