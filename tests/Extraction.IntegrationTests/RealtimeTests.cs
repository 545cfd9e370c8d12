using System.Text.Json;
using Extraction.Core.Contracts;
using Extraction.Core.Storage;
using Extraction.Core.Tests;
using Extraction.Functions.Triggers;
using Extraction.IntegrationTests.TestKit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static Extraction.IntegrationTests.TestKit.ModelUnderTest;

namespace Extraction.IntegrationTests;

/// <summary>POST /api/extract: one account answered while the caller waits, recorded after.</summary>
public sealed class RealtimeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private ModelEmulator.ModelEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await ModelEmulator.ModelEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task One_account_is_answered_synchronously_and_its_result_and_raw_record_are_written_after()
    {
        await using var pipeline = await Pipeline.StartAsync(azurite, Settings(_emulator));
        var http = ActivatorUtilities.CreateInstance<RealtimeHttp>(pipeline.Services);

        var request = await Request(pipeline, "acme", "application/json", ReferenceSamples.BatchLines()[0]);
        var response = HttpCall.Read(await http.RunAsync(request, default));

        Assert.Equal(200, response.Status);
        var result = ContractJson.Deserialize<ExtractionResult>(response.Body)!;
        Assert.Equal((ResultStatus.Extracted, Student, 1), (result.Status, result.Model, result.Attempts));
        Assert.Equal(ReferenceSamples.Gold()["acc-001-000000"], result.Fields);
        var (batch, line) = FiledAt(request);
        var stored = await StoredAsync(pipeline, batch, line);

        Assert.Equal(ContractJson.Serialize(result), ContractJson.Serialize(stored));
        Assert.True((await pipeline.Storage.Blob(new BlobLocation(pipeline.StorageOptions.RawContainer, $"{batch.Folder}/{line:D9}-acc-001-000000.json")).ExistsAsync()).Value);
    }

    [Fact]
    public async Task Concurrent_answers_share_the_partners_batch_of_the_minute_at_distinct_lines_even_for_the_same_account()
    {
        await using var pipeline = await Pipeline.StartAsync(azurite, Settings(_emulator));
        var http = ActivatorUtilities.CreateInstance<RealtimeHttp>(pipeline.Services);
        var bodies = Enumerable.Repeat(ReferenceSamples.BatchLines()[0], 3).Concat(ReferenceSamples.BatchLines().Skip(1).Take(37)).ToList();

        var requests = await Task.WhenAll(bodies.Select(body => Request(pipeline, "acme", "application/json", body)));
        var responses = await Task.WhenAll(requests.Select(async r => HttpCall.Read(await http.RunAsync(r, default))));
        var other = await Request(pipeline, "globex", "application/json", ReferenceSamples.BatchLines()[0]);
        HttpCall.Read(await http.RunAsync(other, default));

        Assert.All(responses, r => Assert.Equal(200, r.Status));
        var filed = requests.Select(r => FiledAt(r)).ToList();
        // Minute batches: unless the minute turned during the test, all 40 share one batch, at lines 1–40.
        var byBatch = filed.GroupBy(f => f.Batch).ToList();
        Assert.InRange(byBatch.Count, 1, 2);
        Assert.Equal(40, filed.Distinct().Count());
        Assert.All(byBatch, g => Assert.Equal(Enumerable.Range(1, g.Count()), g.Select(f => f.Line).Order()));
        Assert.NotEqual(filed[0].Batch, FiledAt(other, "globex").Batch);
        foreach (var (request, response) in requests.Zip(responses))
        {
            var (batch, line) = FiledAt(request);
            var result = ContractJson.Deserialize<ExtractionResult>(response.Body)!;
            Assert.Equal(ContractJson.Serialize(result), ContractJson.Serialize(await StoredAsync(pipeline, batch, line)));
            var raw = await pipeline.Services.GetRequiredService<RawRecordStore>().ReadAsync(result.RawOutput!);
            Assert.Equal((line, result.AccountId), (raw!.Line, raw.AccountId));
        }

        // The same account asked three times: three lines, three raw records.
        Assert.Equal(3, responses.Take(3).Select(r => ContractJson.Deserialize<ExtractionResult>(r.Body)!.RawOutput).Distinct().Count());
    }

    [Theory]
    [InlineData("acme", "application/json", "{\"accountId\":\"a\",\"liabilityType\":\"boat\",\"source\":{\"kind\":\"statement\",\"text\":\"x\"}}", 400, "liabilityType must be one of")]
    [InlineData(null, "application/json", "{}", 401, "Authorization: Bearer")]
    [InlineData("acme", "text/plain", "{}", 415, "application/json")]
    public async Task A_bad_request_is_refused_naming_the_problem_and_calls_no_model(string? partner, string contentType, string body, int status, string detail)
    {
        await using var pipeline = await Pipeline.StartAsync(azurite, Settings(_emulator));
        var http = ActivatorUtilities.CreateInstance<RealtimeHttp>(pipeline.Services);

        var response = HttpCall.Read(await http.RunAsync(await Request(pipeline, partner, contentType, body), default));

        Assert.Equal(status, response.Status);
        Assert.Contains(detail, JsonDocument.Parse(response.Body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(_emulator.Calls);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_line_limit_is_refused_with_413_whether_or_not_its_length_is_declared(bool declared)
    {
        var settings = Settings(_emulator);
        settings["Batch:MaxLineBytes"] = "4096";
        await using var pipeline = await Pipeline.StartAsync(azurite, settings);
        var http = ActivatorUtilities.CreateInstance<RealtimeHttp>(pipeline.Services);
        var body = ReferenceSamples.BatchLines()[0].Replace("\"text\": \"", "\"text\": \"" + new string('x', 5000), StringComparison.Ordinal);
        var request = await Request(pipeline, "acme", "application/json", body);
        request.ContentLength = declared ? request.ContentLength : null;

        var response = HttpCall.Read(await http.RunAsync(request, default));

        Assert.Equal(413, response.Status);
        Assert.Contains("at most 4,096 bytes", JsonDocument.Parse(response.Body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(_emulator.Calls);
    }

    [Fact]
    public async Task With_no_budget_left_the_answer_is_an_over_budget_result_and_no_model_call()
    {
        var settings = Settings(_emulator);
        settings["Budget:PartnerDailyUsd"] = "0";
        await using var pipeline = await Pipeline.StartAsync(azurite, settings);
        var http = ActivatorUtilities.CreateInstance<RealtimeHttp>(pipeline.Services);

        var response = HttpCall.Read(await http.RunAsync(await Request(pipeline, "acme", "application/json", ReferenceSamples.BatchLines()[1]), default));

        Assert.Equal(200, response.Status);
        Assert.Equal(ResultStatus.OverBudget, ContractJson.Deserialize<ExtractionResult>(response.Body)!.Status);
        Assert.Empty(_emulator.Calls);
    }

    private static (BatchRef Batch, int Line) FiledAt(HttpRequest request, string partner = "acme") =>
        (new BatchRef(partner, request.HttpContext.Response.Headers["x-batch-id"].ToString()),
            int.Parse(request.HttpContext.Response.Headers["x-batch-line"].ToString(), System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The stored result, once the deferred writer has written it (it runs after the answer).</summary>
    private static async Task<ExtractionResult?> StoredAsync(Pipeline pipeline, BatchRef batch, int line)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await pipeline.Results.GetAsync(batch, line) is { } stored)
            {
                return stored;
            }

            await Task.Delay(20);
        }

        return null;
    }

    private static async Task<HttpRequest> Request(Pipeline pipeline, string? partner, string contentType, string body) =>
        HttpCall.Request("POST", "https://extract.example/api/extract", body, partner is null ? null : await pipeline.KeyAsync(partner), contentType);
}
