using DurableTask.AzureStorage;
using Extraction.Cli.Local;
using Extraction.Core.Activities;
using Extraction.Core.Contracts;
using Extraction.Core.Models;
using Extraction.Core.Orchestration;
using Extraction.Core.Tests;
using Extraction.IntegrationTests.TestKit;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using P = Microsoft.DurableTask.Protobuf;

namespace Extraction.IntegrationTests;

/// <summary>The orchestrations replay from what the Azure Storage backend recorded, with no non-determinism.</summary>
public sealed class ReplayTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Every_orchestration_of_a_finished_batch_replays_from_its_recorded_history_to_the_same_end()
    {
        // Small chunks and generations: sub-orchestrations, continue-as-new, a deadline timer, retries and a failure record.
        await using var pipeline = await Pipeline.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Batch:ChunkSize"] = "4",
            ["Batch:MaxParallelChunks"] = "2",
            ["Batch:ChunksPerGeneration"] = "3",
            // This test replays every history, the chunks' too: keep them.
            ["Durable:PurgeFinishedChunks"] = "false",
        }, s => s.Replace(ServiceDescriptor.Singleton<IExtractionModel>(new ThrowingModelForTest("acc-001-000005"))), DurableOptions.AzureStorage);
        var file = await Pipeline.WriteBatchFileAsync([.. ReferenceSamples.BatchLines().Take(26), "not json"]);
        var outcome = await pipeline.RunFileAsync(new BatchRef("acme", "replay"), file);
        Assert.True(outcome.Succeeded, outcome.Failure);

        var backend = pipeline.Services.GetRequiredService<AzureStorageOrchestrationService>();
        var replayed = new List<HistoryReplay.Replayed>();
        await foreach (var instance in pipeline.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = outcome.Started.InstanceId }))
        {
            ITaskOrchestrator orchestrator = instance.Name == nameof(BatchOrchestrator)
                ? FuncTaskOrchestrator.Create<BatchInput, BatchSummary>(BatchOrchestrator.RunAsync)
                : FuncTaskOrchestrator.Create<ChunkInput, BatchSummary>(ChunkOrchestrator.RunAsync);
            replayed.Add(await HistoryReplay.ReplayAsync(backend, instance.InstanceId, orchestrator));
        }

        Assert.Equal(1 + 7, replayed.Count);
        Assert.All(replayed, r =>
        {
            Assert.Equal(P.OrchestrationStatus.Completed, r.RecordedStatus);
            Assert.NotNull(r.Completion);
            Assert.Null(r.Completion.FailureDetails);
            Assert.Equal(P.OrchestrationStatus.Completed, r.Completion.OrchestrationStatus);
            Assert.Equal(r.RecordedResult, r.Completion.Result);
        });
        // The batch orchestrator's last generation began from a continue-as-new input, and replays past its chunks and timer.
        Assert.True(replayed.Single(r => r.InstanceId == outcome.Started.InstanceId).Events > 10);
    }
}
