using System.Text.Json;
using Extraction.Core.Contracts;
using Extraction.Core.Realtime;
using Extraction.Core.Storage;
using Extraction.Core.Tests;
using Extraction.Functions.Triggers;
using Extraction.IntegrationTests.TestKit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static Extraction.IntegrationTests.TestKit.ModelUnderTest;

namespace Extraction.IntegrationTests;

/// <summary>POST /api/extract: one account answered while the caller waits, recorded after.</summary>
[Collection(StorageCollection.Name)]
public sealed class RealtimeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ModelEmulator.ModelEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await ModelEmulator.ModelEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task One_account_is_answered_synchronously_and_its_result_and_raw_record_are_written_after()
    {
        await using var pipeline = await Pipeline.StartAsync(azurite, Settings(_emulator));
        var http = new RealtimeHttp(pipeline.Services.GetRequiredService<RealtimeExtraction>());

        var request = Request("acme", "application/json", SharedSamples.BatchLines()[0]);
        var response = HttpCall.Read(await http.RunAsync(request, default));

        Assert.Equal(200, response.Status);
        var result = ContractJson.Deserialize<ExtractionResult>(response.Body)!;
        Assert.Equal((ResultStatus.Extracted, Student, 1), (result.Status, result.Model, result.Attempts));
        Assert.Equal(SharedSamples.Gold()["acc-001-000000"], result.Fields);
        var batch = new BatchRef("acme", request.HttpContext.Response.Headers["x-batch-id"].ToString());
        ExtractionResult? stored = null;
        for (var i = 0; i < 100 && stored is null; i++)
        {
            stored = await pipeline.Results.GetAsync(batch, 1);
            await Task.Delay(20);
        }

        Assert.Equal(ContractJson.Serialize(result), ContractJson.Serialize(stored));
        Assert.True((await pipeline.Storage.Blob(new BlobLocation(pipeline.StorageOptions.RawContainer, $"{batch.Folder}/acc-001-000000.json")).ExistsAsync()).Value);
    }

    [Theory]
    [InlineData("acme", "application/json", "{\"accountId\":\"a\",\"liabilityType\":\"boat\",\"source\":{\"kind\":\"statement\",\"text\":\"x\"}}", 400, "liabilityType must be one of")]
    [InlineData(null, "application/json", "{}", 401, "x-partner-id")]
    [InlineData("acme", "text/plain", "{}", 415, "application/json")]
    public async Task A_bad_request_is_refused_naming_the_problem_and_calls_no_model(string? partner, string contentType, string body, int status, string detail)
    {
        await using var pipeline = await Pipeline.StartAsync(azurite, Settings(_emulator));
        var http = new RealtimeHttp(pipeline.Services.GetRequiredService<RealtimeExtraction>());

        var response = HttpCall.Read(await http.RunAsync(Request(partner, contentType, body), default));

        Assert.Equal(status, response.Status);
        Assert.Contains(detail, JsonDocument.Parse(response.Body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(_emulator.Calls);
    }

    [Fact]
    public async Task With_no_budget_left_the_answer_is_an_over_budget_result_and_no_model_call()
    {
        var settings = Settings(_emulator);
        settings["Budget:PartnerDailyUsd"] = "0";
        await using var pipeline = await Pipeline.StartAsync(azurite, settings);
        var http = new RealtimeHttp(pipeline.Services.GetRequiredService<RealtimeExtraction>());

        var response = HttpCall.Read(await http.RunAsync(Request("acme", "application/json", SharedSamples.BatchLines()[1]), default));

        Assert.Equal(200, response.Status);
        Assert.Equal(ResultStatus.OverBudget, ContractJson.Deserialize<ExtractionResult>(response.Body)!.Status);
        Assert.Empty(_emulator.Calls);
    }

    private static HttpRequest Request(string? partner, string contentType, string body) =>
        HttpCall.Request("POST", "https://extract.example/api/extract", body, partner, contentType);
}
