using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Extraction.Cli.Local;
using Extraction.Core.Contracts;
using Extraction.Core.Models;
using Extraction.Core.Orchestration;
using Extraction.Core.Tests;
using Extraction.IntegrationTests.TestKit;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Extraction.IntegrationTests;

/// <summary>The batch path on real parts: each Durable engine in process (in-memory, Azure Storage), Azurite blobs, queues and tables.</summary>
public sealed class BatchPathTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_batch_run_again_by_another_process_right_after_it_ended_starts_at_once_and_resumes()
    {
        var file = await Pipeline.WriteBatchFileAsync([.. ReferenceSamples.BatchLines().Take(5)]);
        var batch = new BatchRef("acme", "rerun");
        IReadOnlyDictionary<string, string?> storage;
        await using (var first = await Pipeline.StartAsync(azurite))
        {
            Assert.True((await first.RunFileAsync(batch, file)).Succeeded);
            storage = first.Settings;
        }

        // Another process: an in-memory engine of its own that never heard of the first run, on the same storage.
        await using var second = await Pipeline.StartAsync(azurite, new Dictionary<string, string?>(storage));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var again = await second.RunFileAsync(batch, file);

        Assert.True(again.Succeeded, again.Failure);
        Assert.Equal(5, again.Summary!.Resumed);
        // The first run's start claim is marked scheduled, so it is taken at once, not after it goes stale.
        Assert.True(clock.Elapsed < BatchIntake.ClaimTimeout / 3, $"the second start took {clock.Elapsed.TotalSeconds:F1} s");
    }

    [Theory]
    [InlineData(DurableOptions.InMemory)]
    [InlineData(DurableOptions.AzureStorage)]
    public async Task Finished_chunk_orchestrations_are_purged_so_the_engine_state_does_not_grow_with_the_batch(string engine)
    {
        await using var pipeline = await Pipeline.StartAsync(azurite, new Dictionary<string, string?> { ["Batch:ChunkSize"] = "10", ["Batch:MaxParallelChunks"] = "2" }, engine: engine);
        var file = await Pipeline.WriteBatchFileAsync([.. ReferenceSamples.BatchLines().Take(60)]);

        var outcome = await pipeline.RunFileAsync(new BatchRef("acme", $"purge-{engine}"), file);

        Assert.True(outcome.Succeeded, outcome.Failure);
        Assert.Equal(6, outcome.Summary!.Chunks);
        Assert.Equal(60, outcome.Summary.Counts.Total);
        foreach (var chunk in Enumerable.Range(0, 6))
        {
            Assert.Null(await pipeline.Client.GetInstanceAsync($"{outcome.Started.InstanceId}:chunk:{chunk:D6}"));
        }

        // The batch's own instance stays: its status and summary are what callers read.
        Assert.NotNull(await pipeline.Client.GetInstanceAsync(outcome.Started.InstanceId));
    }

    [Fact]
    public async Task An_account_costs_about_one_storage_call_its_raw_record_as_lines_are_read_per_chunk_and_rows_share_transactions()
    {
        await using var pipeline = await Pipeline.StartAsync(azurite);
        var (blob, table) = (pipeline.Storage.Calls.Blob, pipeline.Storage.Calls.Table);

        var outcome = await pipeline.RunFileAsync(new BatchRef("acme", "calls"), ReferenceSamples.BatchPath);

        Assert.True(outcome.Succeeded, outcome.Failure);
        var (blobPerAccount, tablePerAccount) = ((pipeline.Storage.Calls.Blob - blob) / 200.0, (pipeline.Storage.Calls.Table - table) / 200.0);
        // A read per line and a row per call cost 2 blob and 1-2 table calls per account.
        Assert.True(blobPerAccount < 1.3, $"{blobPerAccount:F2} blob calls per account");
        Assert.True(tablePerAccount < 0.5, $"{tablePerAccount:F2} table calls per account");
    }

    [Fact]
    public async Task A_failed_run_carries_the_pipelines_recent_log_lines_so_a_failing_test_prints_them()
    {
        await using var pipeline = await Pipeline.StartAsync(azurite);
        var file = Path.Combine(Path.GetTempPath(), $"latin1-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllBytesAsync(file, [0xFF, 0xFE, 0x7B, 0x7D, 0x0A]);

        var outcome = await pipeline.RunFileAsync(new BatchRef("acme", "not-utf8"), file);

        Assert.False(outcome.Succeeded);
        Assert.Contains("The file is not", outcome.Failure, StringComparison.Ordinal);
        Assert.Contains("--- the pipeline's last", outcome.Failure, StringComparison.Ordinal);
        Assert.Contains("Started batch acme/not-utf8", outcome.Failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DurableOptions.InMemory)]
    [InlineData(DurableOptions.AzureStorage)]
    public async Task The_sample_batch_gives_one_result_row_and_one_raw_record_per_line(string engine)
    {
        await using var pipeline = await Pipeline.StartAsync(azurite, engine: engine);
        var batch = new BatchRef("acme", "sample");

        var outcome = await pipeline.RunFileAsync(batch, ReferenceSamples.BatchPath);

        Assert.True(outcome.Succeeded, outcome.Failure);
        // The engine asked for is the one that ran: only the Azure Storage backend records history in the task hub.
        Assert.Equal(engine == DurableOptions.AzureStorage, await pipeline.HistoryRowsInTaskHubAsync(outcome.Started.InstanceId) > 0);
        Assert.Equal(200, outcome.Summary!.Accounts);
        Assert.Equal(200, outcome.Summary.Counts.Total);
        var rows = await pipeline.ResultsOfAsync(batch);
        Assert.Equal(Enumerable.Range(1, 200), rows.Select(r => r.Line));
        var gold = ReferenceSamples.Gold();
        Assert.All(rows, row =>
        {
            Assert.Equal(ResultStatus.Extracted, row.Result.Status);
            Assert.Equal(RulesExtractionModel.Version, row.Result.Model);
            Assert.Equal(1, row.Result.Attempts);
            Assert.Equal($"{pipeline.StorageOptions.RawContainer}/acme/sample/{row.Line:D9}-{row.Result.AccountId}.json", row.Result.RawOutput);
        });
        var exact = rows.Count(r => r.Result.Fields == gold[r.Result.AccountId]);
        Assert.True(exact >= 190, $"{exact} of 200 answers match gold exactly");

        var rawBlobs = pipeline.Storage.Container(pipeline.StorageOptions.RawContainer).GetBlobsAsync(new GetBlobsOptions { Prefix = "acme/sample/" });
        var rawNames = new List<string>();
        await foreach (var blob in rawBlobs)
        {
            rawNames.Add(blob.Name);
        }

        Assert.Equal(200, rawNames.Count);
        var first = rows[0].Result;
        var raw = await pipeline.Storage.Container(pipeline.StorageOptions.RawContainer).GetBlobClient($"acme/sample/000000001-{first.AccountId}.json").DownloadContentAsync();
        using var record = JsonDocument.Parse(raw.Value.Content.ToString());
        Assert.Equal("raw.v1", record.RootElement.GetProperty("schema").GetString());
        Assert.Equal(1, record.RootElement.GetProperty("line").GetInt32());
        Assert.Single(record.RootElement.GetProperty("attempts").EnumerateArray());
    }

    [Theory]
    [InlineData(DurableOptions.InMemory)]
    [InlineData(DurableOptions.AzureStorage)]
    public async Task Bad_lines_end_invalid_input_naming_the_field_and_every_other_line_is_extracted(string engine)
    {
        await using var pipeline = await Pipeline.StartAsync(azurite, engine: engine);
        var good = ReferenceSamples.BatchLines().Take(5).ToArray();
        var file = await Pipeline.WriteBatchFileAsync(
            good[0],
            """{"accountId":"no-text","liabilityType":"auto_loan","source":{"kind":"statement"}}""",
            good[1],
            "this is not json",
            good[2],
            good[2],
            """{"accountId":"bad type","liabilityType":"boat","source":{"kind":"statement","text":"x"}}""",
            good[3]);
        var batch = new BatchRef("acme", "mixed");

        var outcome = await pipeline.RunFileAsync(batch, file);

        Assert.True(outcome.Succeeded, outcome.Failure);
        var rows = (await pipeline.ResultsOfAsync(batch)).ToDictionary(r => r.Line, r => r.Result);
        Assert.Equal(8, rows.Count);
        Assert.Equal([1, 3, 5, 8], rows.Where(r => r.Value.Status == ResultStatus.Extracted).Select(r => r.Key));
        Assert.Contains("source.text is required", rows[2].Reason, StringComparison.Ordinal);
        Assert.Equal("no-text", rows[2].AccountId);
        Assert.Contains("not valid JSON", rows[4].Reason, StringComparison.Ordinal);
        Assert.Equal("line 4", rows[4].AccountId);
        Assert.Contains("repeats the one on line 5", rows[6].Reason, StringComparison.Ordinal);
        Assert.Contains("liabilityType must be one of", rows[7].Reason, StringComparison.Ordinal);
        Assert.Contains("accountId must be", rows[7].Reason, StringComparison.Ordinal);
        Assert.All(rows.Values.Where(r => r.Status == ResultStatus.InvalidInput), r => Assert.Equal(0, r.Attempts));
        Assert.Equal(4, outcome.Summary!.Counts.InvalidInput);
    }

    [Theory]
    [InlineData(DurableOptions.InMemory)]
    [InlineData(DurableOptions.AzureStorage)]
    public async Task Running_the_same_batch_twice_adds_no_rows_and_extracts_nothing_again(string engine)
    {
        await using var pipeline = await Pipeline.StartAsync(azurite, engine: engine);
        var file = await Pipeline.WriteBatchFileAsync([.. ReferenceSamples.BatchLines().Take(30), "not json"]);
        var batch = new BatchRef("acme", "twice");
        var first = await pipeline.RunFileAsync(batch, file);
        var rawBlob = pipeline.Storage.Container(pipeline.StorageOptions.RawContainer).GetBlobClient("acme/twice/000000001-acc-001-000000.json");
        var rawWrittenAt = (await rawBlob.GetPropertiesAsync()).Value.LastModified;

        await pipeline.Client.PurgeInstanceAsync(first.Started.InstanceId, new PurgeInstanceOptions(Recursive: true));
        var second = await pipeline.RunFileAsync(batch, file);

        Assert.True(second.Succeeded, second.Failure);
        Assert.Equal(30, second.Summary!.Resumed);
        Assert.Equal(first.Summary!.Counts, second.Summary.Counts);
        Assert.Equal(31, (await pipeline.ResultsOfAsync(batch)).Count);
        Assert.Equal(rawWrittenAt, (await rawBlob.GetPropertiesAsync()).Value.LastModified);
    }

    [Theory]
    [InlineData(DurableOptions.InMemory)]
    [InlineData(DurableOptions.AzureStorage)]
    public async Task A_rerun_tries_failed_accounts_again_and_keeps_final_ones(string engine)
    {
        await using var pipeline = await Pipeline.StartAsync(azurite, engine: engine);
        var file = await Pipeline.WriteBatchFileAsync([.. ReferenceSamples.BatchLines().Take(4)]);
        var batch = new BatchRef("acme", "retry-failed");
        var first = await pipeline.RunFileAsync(batch, file);
        await pipeline.Results.PutAsync(batch, 2, new ExtractionResult { AccountId = "acc-001-000001", Status = ResultStatus.Failed, Reason = "timed out" });
        await pipeline.Client.PurgeInstanceAsync(first.Started.InstanceId, new PurgeInstanceOptions(Recursive: true));

        var second = await pipeline.RunFileAsync(batch, file);

        Assert.Equal(3, second.Summary!.Resumed);
        Assert.Equal(ResultStatus.Extracted, (await pipeline.Results.GetAsync(batch, 2))!.Status);
    }

    [Theory]
    [InlineData(DurableOptions.InMemory)]
    [InlineData(DurableOptions.AzureStorage)]
    public async Task Small_chunks_fan_out_as_sub_orchestrations_and_every_line_still_gets_one_result(string engine)
    {
        await using var pipeline = await Pipeline.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Batch:ChunkSize"] = "3",
            ["Batch:MaxParallelChunks"] = "2",
            ["Batch:ChunksPerGeneration"] = "2",
            // The chunk instances are inspected below: keep them (runs purge them once finished).
            ["Durable:PurgeFinishedChunks"] = "false",
        }, engine: engine);
        var file = await Pipeline.WriteBatchFileAsync([.. ReferenceSamples.BatchLines().Take(23), "{}", "[]"]);
        var batch = new BatchRef("acme", "chunks");

        var outcome = await pipeline.RunFileAsync(batch, file);

        Assert.True(outcome.Succeeded, outcome.Failure);
        Assert.Equal(new[] { 25, 8, 8 }, new[] { outcome.Summary!.Counts.Total, outcome.Summary.Chunks, outcome.Summary.ChunksDone });
        Assert.Equal(25, (await pipeline.ResultsOfAsync(batch)).Count);
        var chunkRuns = pipeline.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = $"{outcome.Started.InstanceId}:chunk:" });
        var chunkIds = new List<string>();
        await foreach (var run in chunkRuns)
        {
            Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
            chunkIds.Add(run.InstanceId);
        }

        Assert.Equal(8, chunkIds.Count);
    }

    [Theory]
    [InlineData(DurableOptions.InMemory)]
    [InlineData(DurableOptions.AzureStorage)]
    public async Task An_account_whose_extraction_keeps_throwing_ends_failed_and_the_others_complete(string engine)
    {
        await using var pipeline = await Pipeline.StartAsync(azurite, services: s =>
            s.Replace(ServiceDescriptor.Singleton<IExtractionModel>(new ThrowingModelForTest("acc-001-000002"))), engine: engine);
        var file = await Pipeline.WriteBatchFileAsync([.. ReferenceSamples.BatchLines().Take(5)]);
        var batch = new BatchRef("acme", "one-throws");

        var outcome = await pipeline.RunFileAsync(batch, file);

        Assert.True(outcome.Succeeded, outcome.Failure);
        var rows = await pipeline.ResultsOfAsync(batch);
        Assert.Equal(5, rows.Count);
        var failed = Assert.Single(rows, r => r.Result.Status == ResultStatus.Failed);
        Assert.Equal("acc-001-000002", failed.Result.AccountId);
        Assert.Contains("failed after 3 attempts", failed.Result.Reason, StringComparison.Ordinal);
        Assert.Equal(4, rows.Count(r => r.Result.Status == ResultStatus.Extracted));
    }
}
