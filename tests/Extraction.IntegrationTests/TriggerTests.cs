using System.Net;
using System.Text.Json;
using Extraction.Core.Contracts;
using Extraction.Core.Orchestration;
using Extraction.Core.Storage;
using Extraction.Core.Tests;
using Extraction.Functions.Triggers;
using Extraction.IntegrationTests.FunctionsHost;
using Extraction.IntegrationTests.TestKit;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;

namespace Extraction.IntegrationTests;

/// <summary>
/// The Functions entry points, called directly with a real <see cref="DurableTaskClient"/> of the
/// in-process engine and real blobs in Azurite (the Functions host itself cannot run here).
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class TriggerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_blob_upload_starts_its_batch_once_even_when_the_trigger_fires_twice()
    {
        await using var pipeline = await Pipeline.StartAsync(azurite);
        var blob = pipeline.Storage.Container(pipeline.StorageOptions.IncomingContainer).GetBlobClient("acme/2026-11-29 payoffs.jsonl");
        await blob.UploadAsync(BinaryData.FromString(string.Join("\n", SharedSamples.BatchLines().Take(12))));
        var trigger = new BatchUploadTrigger(pipeline.Intake, NullLogger<BatchUploadTrigger>.Instance);

        await trigger.RunAsync(blob, "acme", "2026-11-29 payoffs.jsonl", pipeline.Client, CancellationToken.None);
        var batch = new BatchRef("acme", BatchIntake.BatchIdFromBlobName("2026-11-29 payoffs.jsonl"));
        var instanceId = BatchInput.InstanceIdFor(batch);
        var firstRun = await pipeline.WaitAsync(instanceId);
        await trigger.RunAsync(blob, "acme", "2026-11-29 payoffs.jsonl", pipeline.Client, CancellationToken.None);
        var afterRefire = await pipeline.Client.GetInstanceAsync(instanceId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, firstRun.RuntimeStatus);
        Assert.Equal(firstRun.CreatedAt, afterRefire!.CreatedAt);
        Assert.StartsWith("2026-11-29-payoffs.jsonl-", batch.BatchId, StringComparison.Ordinal);
        var rows = await pipeline.ResultsOfAsync(batch);
        Assert.Equal(12, rows.Count);
        Assert.All(rows, r => Assert.Equal(ResultStatus.Extracted, r.Result.Status));
    }

    [Fact]
    public async Task A_blob_in_a_folder_that_is_not_a_partner_id_starts_nothing()
    {
        await using var pipeline = await Pipeline.StartAsync(azurite);
        var blob = pipeline.Storage.Container(pipeline.StorageOptions.IncomingContainer).GetBlobClient("Not A Partner/batch.jsonl");
        await blob.UploadAsync(BinaryData.FromString(SharedSamples.BatchLines()[0]));
        var trigger = new BatchUploadTrigger(pipeline.Intake, NullLogger<BatchUploadTrigger>.Instance);

        await trigger.RunAsync(blob, "Not A Partner", "batch.jsonl", pipeline.Client, CancellationToken.None);

        var instances = pipeline.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = "batch:" });
        await foreach (var instance in instances)
        {
            Assert.Fail($"Started {instance.InstanceId}");
        }
    }

    [Fact]
    public async Task The_http_starter_answers_202_with_the_durable_status_urls_and_runs_the_batch()
    {
        await using var pipeline = await Pipeline.StartAsync(azurite);
        var request = new HttpRequestDataForTest(new FunctionContextForTest(), "POST",
            new Uri("https://extract.example/api/batches?batchId=b-42"), string.Join("\n", SharedSamples.BatchLines().Take(7)));
        request.Headers.Add("x-partner-id", "acme");

        var response = (HttpResponseDataForTest)await new StartBatchHttp(pipeline.Intake).RunAsync(request, pipeline.Client, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var instanceId = BatchInput.InstanceIdFor(new BatchRef("acme", "b-42"));
        var location = Assert.Single(response.Headers.GetValues("Location"));
        Assert.Equal($"https://extract.example/runtime/webhooks/durabletask/instances/{Uri.EscapeDataString(instanceId)}", location);
        using var payload = JsonDocument.Parse(response.ReadBody());
        Assert.Equal(instanceId, payload.RootElement.GetProperty("id").GetString());
        Assert.Equal(location, payload.RootElement.GetProperty("statusQueryGetUri").GetString());
        Assert.EndsWith("/terminate?reason={text}", payload.RootElement.GetProperty("terminatePostUri").GetString(), StringComparison.Ordinal);
        var done = await pipeline.WaitAsync(instanceId);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(7, (await pipeline.ResultsOfAsync(new BatchRef("acme", "b-42"))).Count);
    }

    [Fact]
    public async Task The_http_starter_refuses_a_request_without_a_partner_as_problem_json_and_starts_nothing()
    {
        await using var pipeline = await Pipeline.StartAsync(azurite);
        var request = new HttpRequestDataForTest(new FunctionContextForTest(), "POST", new Uri("https://extract.example/api/batches"), SharedSamples.BatchLines()[0]);

        var response = (HttpResponseDataForTest)await new StartBatchHttp(pipeline.Intake).RunAsync(request, pipeline.Client, CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", Assert.Single(response.Headers.GetValues("Content-Type")));
        Assert.Contains("x-partner-id", response.ReadBody(), StringComparison.Ordinal);
        await foreach (var instance in pipeline.Client.GetAllInstancesAsync(new OrchestrationQuery()))
        {
            Assert.Fail($"Started {instance.InstanceId}");
        }
    }
}
