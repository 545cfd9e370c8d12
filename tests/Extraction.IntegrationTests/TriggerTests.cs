using System.Text.Json;
using Extraction.Core.Contracts;
using Extraction.Core.Orchestration;
using Extraction.Core.Tests;
using Extraction.Functions.Triggers;
using Extraction.IntegrationTests.TestKit;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Extraction.IntegrationTests;

/// <summary>
/// The Functions entry points, called directly with a real <see cref="DurableTaskClient"/> of the
/// in-process engine and real blobs in Azurite (the Functions host itself cannot run here).
/// </summary>
public sealed class TriggerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_blob_upload_starts_its_batch_once_even_when_the_trigger_fires_twice()
    {
        await using var pipeline = await Pipeline.StartAsync(azurite);
        var blob = pipeline.Storage.Container(pipeline.StorageOptions.IncomingContainer).GetBlobClient("acme/2026-11-29 payoffs.jsonl");
        await blob.UploadAsync(BinaryData.FromString(string.Join("\n", ReferenceSamples.BatchLines().Take(12))));
        var trigger = new BatchUploadTrigger(pipeline.Intake, NullLogger<BatchUploadTrigger>.Instance);

        await trigger.RunAsync(blob, "acme", "2026-11-29 payoffs.jsonl", pipeline.Client, CancellationToken.None);
        var batch = new BatchRef("acme", BatchIntake.BatchIdForUpload("2026-11-29 payoffs.jsonl", (await blob.GetPropertiesAsync()).Value.ETag.ToString()));
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
    public async Task A_new_upload_under_the_same_name_is_a_new_batch_and_a_processed_blob_is_not_redone()
    {
        await using var pipeline = await Pipeline.StartAsync(azurite);
        var blob = pipeline.Storage.Container(pipeline.StorageOptions.IncomingContainer).GetBlobClient("acme/daily.jsonl");
        await blob.UploadAsync(BinaryData.FromString(string.Join("\n", ReferenceSamples.BatchLines().Take(3))));
        var first = await pipeline.Intake.AcceptUploadAsync(pipeline.Client, "acme", "daily.jsonl");
        await pipeline.WaitAsync(BatchInput.InstanceIdFor(first.Batch!));
        await blob.UploadAsync(BinaryData.FromString(string.Join("\n", ReferenceSamples.BatchLines().Skip(3).Take(4))), overwrite: true);

        var second = await pipeline.Intake.AcceptUploadAsync(pipeline.Client, "acme", "daily.jsonl");
        await pipeline.WaitAsync(BatchInput.InstanceIdFor(second.Batch!));
        await pipeline.Client.PurgeInstanceAsync(BatchInput.InstanceIdFor(second.Batch!), new PurgeInstanceOptions(Recursive: true));
        var afterRestart = await pipeline.Intake.AcceptUploadAsync(pipeline.Client, "acme", "daily.jsonl");

        Assert.Equal((UploadOutcome.Started, UploadOutcome.Started, UploadOutcome.AlreadyProcessed), (first.Outcome, second.Outcome, afterRestart.Outcome));
        Assert.NotEqual(first.Batch, second.Batch);
        Assert.Equal(3, (await pipeline.ResultsOfAsync(first.Batch!)).Count);
        Assert.Equal(4, (await pipeline.ResultsOfAsync(second.Batch!)).Count);
        Assert.Null(await pipeline.Client.GetInstanceAsync(BatchInput.InstanceIdFor(second.Batch!)));
    }

    [Theory]
    [InlineData(new byte[] { 0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe, 0x00, 0x01 }, "not UTF-8")]
    [InlineData(new byte[] { 0x61, 0x63, 0x63, 0x6f, 0x75, 0x6e, 0x74, 0x2c, 0x74, 0x79, 0x70, 0x65, 0x0a, 0x31, 0x2c, 0x32 }, "not JSON Lines")]
    public async Task An_unreadable_blob_fails_its_batch_with_a_reason_and_an_error_record_and_writes_no_results(byte[] content, string reason)
    {
        await using var pipeline = await Pipeline.StartAsync(azurite);
        var blob = pipeline.Storage.Container(pipeline.StorageOptions.IncomingContainer).GetBlobClient("acme/export.bin");
        await blob.UploadAsync(BinaryData.FromBytes(content));

        var (outcome, batch) = await pipeline.Intake.AcceptUploadAsync(pipeline.Client, "acme", "export.bin");
        var run = await pipeline.WaitAsync(BatchInput.InstanceIdFor(batch!));

        Assert.Equal(UploadOutcome.Started, outcome);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, run.RuntimeStatus);
        Assert.Contains(reason, run.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(await pipeline.ResultsOfAsync(batch!));
        var error = await pipeline.Storage.Container(pipeline.StorageOptions.WorkContainer).GetBlobClient($"{batch!.Folder}/error.json").DownloadContentAsync();
        Assert.Contains(reason, error.Value.Content.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_whose_first_line_is_longer_than_the_64_KiB_probe_is_a_batch_not_a_rejection()
    {
        await using var pipeline = await Pipeline.StartAsync(azurite);
        var lines = ReferenceSamples.BatchLines().Take(3).ToList();
        // A 150,000-character document (the contract allows 200,000), with a multi-byte character cut by the probe's end.
        var padding = string.Concat(Enumerable.Repeat("Sincerely, the servicing team é. ", 4_500));
        lines[0] = lines[0].Replace("\"text\":\"", $"\"text\":\"{padding}", StringComparison.Ordinal).Replace("\"text\": \"", $"\"text\": \"{padding}", StringComparison.Ordinal);
        Assert.True(lines[0].Length > 100_000, "the first line did not grow");
        var blob = pipeline.Storage.Container(pipeline.StorageOptions.IncomingContainer).GetBlobClient("acme/long-first-line.jsonl");
        await blob.UploadAsync(BinaryData.FromString(string.Join("\n", lines)));

        var (_, batch) = await pipeline.Intake.AcceptUploadAsync(pipeline.Client, "acme", "long-first-line.jsonl");
        var run = await pipeline.WaitAsync(BatchInput.InstanceIdFor(batch!));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        Assert.Equal(3, (await pipeline.ResultsOfAsync(batch!)).Count);
    }

    [Theory]
    [InlineData("text/csv", "x", 415, "Unsupported content type")]
    [InlineData("application/json", "{\"accounts\": [", 400, "Malformed JSON")]
    [InlineData("application/json", "{\"rows\": []}", 400, "No accounts")]
    [InlineData("application/json", "{\"accounts\": [], \"maxCostUsd\": -1}", 400, "Invalid maxCostUsd")]
    [InlineData("application/x-ndjson", "", 400, "Empty batch")]
    [InlineData("application/x-ndjson", "TOO-LARGE", 413, "Request too large")]
    [InlineData("application/x-ndjson", "TOO-MANY", 413, "Too many accounts")]
    public async Task A_bad_request_is_refused_as_problem_details_naming_the_problem_and_starts_nothing(string contentType, string body, int status, string title)
    {
        await using var pipeline = await Pipeline.StartAsync(azurite, new Dictionary<string, string?> { ["Batch:MaxRequestBytes"] = "20000", ["Batch:MaxAccountsPerRequest"] = "5" });
        body = body switch
        {
            "TOO-LARGE" => new string('x', 30_000),
            "TOO-MANY" => string.Join("\n", ReferenceSamples.BatchLines().Take(6)),
            _ => body,
        };
        var request = HttpCall.Request("POST", "https://extract.example/api/batches", body, await pipeline.KeyAsync("acme"), contentType);

        var (actual, problemBody, _) = HttpCall.Read(await Starter(pipeline).RunAsync(request, pipeline.Client, CancellationToken.None));

        Assert.Equal(status, actual);
        using var problem = JsonDocument.Parse(problemBody);
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
        await foreach (var instance in pipeline.Client.GetAllInstancesAsync(new OrchestrationQuery()))
        {
            Assert.Fail($"Started {instance.InstanceId}");
        }
    }

    [Fact]
    public async Task A_json_batch_with_an_idempotency_key_runs_once_however_often_it_is_sent()
    {
        await using var pipeline = await Pipeline.StartAsync(azurite);
        var accounts = string.Join(",", ReferenceSamples.BatchLines().Take(4));
        var key = await pipeline.KeyAsync("acme");
        HttpRequest Send()
        {
            var request = HttpCall.Request("POST", "https://extract.example/api/batches", $$"""{"maxCostUsd": 5, "accounts": [{{accounts}}]}""", key, "application/json; charset=utf-8");
            request.Headers[StartBatchHttp.IdempotencyKeyHeader] = "order-7781";
            return request;
        }

        var firstRequest = Send();
        var first = HttpCall.Read(await Starter(pipeline).RunAsync(firstRequest, pipeline.Client, CancellationToken.None));
        var batchId = JsonDocument.Parse(first.Body).RootElement.GetProperty("batchId").GetString()!;
        await pipeline.WaitAsync(BatchInput.InstanceIdFor(new BatchRef("acme", batchId)));
        var secondRequest = Send();
        var second = HttpCall.Read(await Starter(pipeline).RunAsync(secondRequest, pipeline.Client, CancellationToken.None));

        Assert.Equal((202, 202), (first.Status, second.Status));
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(firstRequest.HttpContext.Response.Headers.Location.ToString(), secondRequest.HttpContext.Response.Headers.Location.ToString());
        var instances = new List<string>();
        await foreach (var instance in pipeline.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = "batch:" }))
        {
            instances.Add(instance.InstanceId);
        }

        Assert.Single(instances, id => !id.Contains(":chunk:", StringComparison.Ordinal));
        Assert.Equal(4, (await pipeline.ResultsOfAsync(new BatchRef("acme", batchId))).Count);
    }

    private static StartBatchHttp Starter(Pipeline pipeline) => ActivatorUtilities.CreateInstance<StartBatchHttp>(pipeline.Services);

    [Fact]
    public async Task A_blob_in_a_folder_that_is_not_a_partner_id_starts_nothing()
    {
        await using var pipeline = await Pipeline.StartAsync(azurite);
        var blob = pipeline.Storage.Container(pipeline.StorageOptions.IncomingContainer).GetBlobClient("Not A Partner/batch.jsonl");
        await blob.UploadAsync(BinaryData.FromString(ReferenceSamples.BatchLines()[0]));
        var trigger = new BatchUploadTrigger(pipeline.Intake, NullLogger<BatchUploadTrigger>.Instance);

        await trigger.RunAsync(blob, "Not A Partner", "batch.jsonl", pipeline.Client, CancellationToken.None);

        var instances = pipeline.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = "batch:" });
        await foreach (var instance in instances)
        {
            Assert.Fail($"Started {instance.InstanceId}");
        }
    }

    [Fact]
    public async Task The_http_starter_answers_202_with_the_batch_links_and_runs_the_batch()
    {
        await using var pipeline = await Pipeline.StartAsync(azurite);
        var request = HttpCall.Request("POST", "https://extract.example/api/batches?batchId=b-42", string.Join("\n", ReferenceSamples.BatchLines().Take(7)), await pipeline.KeyAsync("acme"), "application/x-ndjson");

        var (status, body, _) = HttpCall.Read(await Starter(pipeline).RunAsync(request, pipeline.Client, CancellationToken.None));

        Assert.Equal(202, status);
        Assert.Equal("https://extract.example/api/batches/b-42", request.HttpContext.Response.Headers.Location.ToString());
        using var payload = JsonDocument.Parse(body);
        Assert.Equal("b-42", payload.RootElement.GetProperty("batchId").GetString());
        Assert.Equal("https://extract.example/api/batches/b-42/results", payload.RootElement.GetProperty("resultsUri").GetString());
        var done = await pipeline.WaitAsync(BatchInput.InstanceIdFor(new BatchRef("acme", "b-42")));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(7, (await pipeline.ResultsOfAsync(new BatchRef("acme", "b-42"))).Count);
    }

    [Fact]
    public async Task The_http_starter_refuses_a_partner_header_without_a_key_and_a_key_naming_another_partner_and_starts_nothing()
    {
        await using var pipeline = await Pipeline.StartAsync(azurite);
        var headerAlone = HttpCall.Request("POST", "https://extract.example/api/batches", ReferenceSamples.BatchLines()[0], contentType: "application/x-ndjson");
        headerAlone.Headers["x-partner-id"] = "acme";
        var otherPartner = HttpCall.Request("POST", "https://extract.example/api/batches", ReferenceSamples.BatchLines()[0], await pipeline.KeyAsync("acme"), "application/x-ndjson");
        otherPartner.Headers["x-partner-id"] = "globex";
        var wrongKey = HttpCall.Request("POST", "https://extract.example/api/batches", ReferenceSamples.BatchLines()[0], (await pipeline.KeyAsync("acme"))[..^4] + "AAAA", "application/x-ndjson");

        var (status, body, contentType) = HttpCall.Read(await Starter(pipeline).RunAsync(headerAlone, pipeline.Client, CancellationToken.None));
        var mismatch = HttpCall.Read(await Starter(pipeline).RunAsync(otherPartner, pipeline.Client, CancellationToken.None));
        var wrong = HttpCall.Read(await Starter(pipeline).RunAsync(wrongKey, pipeline.Client, CancellationToken.None));

        Assert.Equal(401, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Contains("Authorization: Bearer", body, StringComparison.Ordinal);
        Assert.Equal("Bearer", headerAlone.HttpContext.Response.Headers.WWWAuthenticate.ToString());
        Assert.Equal(400, mismatch.Status);
        Assert.Contains("another partner than the key belongs to", mismatch.Body, StringComparison.Ordinal);
        Assert.Equal(401, wrong.Status);
        Assert.Contains("unknown, revoked or expired", wrong.Body, StringComparison.Ordinal);
        await foreach (var instance in pipeline.Client.GetAllInstancesAsync(new OrchestrationQuery()))
        {
            Assert.Fail($"Started {instance.InstanceId}");
        }
    }
}
