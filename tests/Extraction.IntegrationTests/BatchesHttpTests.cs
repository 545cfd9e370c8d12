using System.Text.Json;
using Extraction.Core.Activities;
using Extraction.Core.Contracts;
using Extraction.Core.Tests;
using Extraction.Functions.Triggers;
using Extraction.IntegrationTests.TestKit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static Extraction.IntegrationTests.TestKit.ModelUnderTest;

namespace Extraction.IntegrationTests;

/// <summary>Status, paged results and cancellation of a partner's batches, through the function classes.</summary>
public sealed class BatchesHttpTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private ModelEmulator.ModelEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await ModelEmulator.ModelEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task A_finished_batch_whose_orchestration_was_purged_reads_the_same_status_from_its_record()
    {
        // The local engine purges finished orchestrations a second after their creation here (600 s by default).
        await using var pipeline = await Pipeline.StartAsync(azurite, new Dictionary<string, string?> { ["Durable:KeepFinishedSeconds"] = "1" });
        var batch = new BatchRef("acme", "purged-1");
        await pipeline.RunFileAsync(batch, await Pipeline.WriteBatchFileAsync([.. ReferenceSamples.BatchLines().Take(7)]));
        var http = Http(pipeline);
        var before = HttpCall.Read(await http.GetAsync(await Request(pipeline, "acme", "GET", "batches/purged-1"), "purged-1", pipeline.Client, default));

        var purged = false;
        for (var waited = 0; waited < 100 && !purged; waited++)
        {
            await Task.Delay(100);
            purged = await pipeline.Client.GetInstanceAsync(Core.Orchestration.BatchInput.InstanceIdFor(batch)) is null;
        }

        var after = HttpCall.Read(await http.GetAsync(await Request(pipeline, "acme", "GET", "batches/purged-1"), "purged-1", pipeline.Client, default));
        Assert.True(purged, "the finished batch's orchestration was still there after 10 s");
        Assert.Equal((200, 200), (before.Status, after.Status));
        using var was = JsonDocument.Parse(before.Body);
        using var now = JsonDocument.Parse(after.Body);
        foreach (var name in new[] { "runtimeStatus", "accounts", "done", "chunks", "chunksDone", "counts", "costUsd" })
        {
            Assert.Equal(was.RootElement.GetProperty(name).GetRawText(), now.RootElement.GetProperty(name).GetRawText());
        }

        Assert.Equal("Completed", now.RootElement.GetProperty("runtimeStatus").GetString());
        Assert.Equal(7, now.RootElement.GetProperty("counts").GetProperty("extracted").GetInt32());
    }

    [Fact]
    public async Task A_partner_reads_its_batch_status_and_pages_through_its_results_and_no_one_else_can()
    {
        await using var pipeline = await Pipeline.StartAsync(azurite);
        var batch = new BatchRef("acme", "status-1");
        await pipeline.RunFileAsync(batch, await Pipeline.WriteBatchFileAsync([.. ReferenceSamples.BatchLines().Take(7)]));
        var http = Http(pipeline);

        var status = HttpCall.Read(await http.GetAsync(await Request(pipeline, "acme", "GET", "batches/status-1"), "status-1", pipeline.Client, default));
        var otherPartner = HttpCall.Read(await http.GetAsync(await Request(pipeline, "globex", "GET", "batches/status-1"), "status-1", pipeline.Client, default));
        var anonymous = HttpCall.Read(await http.GetAsync(await Request(pipeline, null, "GET", "batches/status-1"), "status-1", pipeline.Client, default));

        Assert.Equal(200, status.Status);
        using (var body = JsonDocument.Parse(status.Body))
        {
            Assert.Equal("Completed", body.RootElement.GetProperty("runtimeStatus").GetString());
            Assert.Equal(7, body.RootElement.GetProperty("counts").GetProperty("extracted").GetInt32());
            Assert.Equal(7, body.RootElement.GetProperty("done").GetInt32());
        }

        Assert.Equal(404, otherPartner.Status);
        Assert.Equal(401, anonymous.Status);
        Assert.Equal(404, HttpCall.Read(await http.ResultsAsync(await Request(pipeline, "globex", "GET", "batches/status-1/results"), "status-1", pipeline.Client, default)).Status);

        var lines = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var request = await Request(pipeline, "acme", "GET", "batches/status-1/results?pageSize=3");
            if (token is not null)
            {
                request.Headers[BatchesHttp.ContinuationHeader] = token;
            }

            var page = HttpCall.Read(await http.ResultsAsync(request, "status-1", pipeline.Client, default));
            Assert.Equal(200, page.Status);
            lines.AddRange(page.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            var next = request.HttpContext.Response.Headers[BatchesHttp.ContinuationHeader].ToString();
            token = next.Length > 0 ? next : null;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(ReferenceSamples.BatchLines().Take(7).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("accountId").GetString()),
            lines.Select(l => ContractJson.Deserialize<ExtractionResult>(l)!.AccountId));
    }

    [Fact]
    public async Task Cancelling_a_running_batch_stops_it_and_every_account_still_gets_a_result_that_a_late_answer_does_not_reopen()
    {
        _emulator.Latency = TimeSpan.FromSeconds(3);
        var settings = Settings(_emulator);
        settings["Model:TimeoutMs"] = "30000";
        settings["Batch:ChunkSize"] = "2";
        settings["Batch:MaxParallelChunks"] = "1";
        await using var pipeline = await Pipeline.StartAsync(azurite, settings);
        var batch = new BatchRef("acme", "cancel-1");
        var staged = await pipeline.Intake.StageAsync(batch, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", ReferenceSamples.BatchLines().Take(6)))), "test");
        var started = await pipeline.Intake.StartAsync(pipeline.Client, batch, staged.Location);
        await WaitForCallsAsync(2);
        var http = Http(pipeline);

        var cancelled = HttpCall.Read(await http.CancelAsync(await Request(pipeline, "acme", "POST", "batches/cancel-1/cancel"), "cancel-1", pipeline.Client, default));
        var again = HttpCall.Read(await http.CancelAsync(await Request(pipeline, "acme", "POST", "batches/cancel-1/cancel"), "cancel-1", pipeline.Client, default));

        Assert.Equal(202, cancelled.Status);
        Assert.Equal(409, again.Status);
        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Terminated, (await pipeline.Client.GetInstanceAsync(started.InstanceId))!.RuntimeStatus);
        var closed = await pipeline.ResultsOfAsync(batch);
        // The two calls in flight at the cancel answer afterwards: their activities must not reopen the batch.
        await Task.Delay(_emulator.Latency + TimeSpan.FromSeconds(1));
        var rows = await pipeline.ResultsOfAsync(batch);
        Assert.Equal(6, closed.Count);
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.Equal((ResultStatus.Failed, BatchCancellations.Reason), (r.Result.Status, r.Result.Reason)));
    }

    private async Task WaitForCallsAsync(int count)
    {
        for (var i = 0; i < 200 && _emulator.Calls.Count < count; i++)
        {
            await Task.Delay(50);
        }

        Assert.True(_emulator.Calls.Count >= count, "the batch never reached the model");
    }

    private static BatchesHttp Http(Pipeline pipeline) => ActivatorUtilities.CreateInstance<BatchesHttp>(pipeline.Services);

    private static async Task<HttpRequest> Request(Pipeline pipeline, string? partner, string method, string path) =>
        HttpCall.Request(method, $"https://extract.example/api/{path}", key: partner is null ? null : await pipeline.KeyAsync(partner));
}
