using System.Text.Json;
using Extraction.Core.Tests;
using Extraction.Functions.Triggers;
using Extraction.IntegrationTests.TestKit;
using Microsoft.Extensions.DependencyInjection;
using static Extraction.IntegrationTests.TestKit.ModelUnderTest;

namespace Extraction.IntegrationTests;

/// <summary>Per-partner limits: requests per minute (per instance) and batches running (shared, read from the task hub).</summary>
public sealed class PartnerLimitsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private ModelEmulator.ModelEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await ModelEmulator.ModelEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task A_partner_over_its_requests_per_minute_gets_429_with_retry_after_and_another_partner_does_not()
    {
        await using var pipeline = await Pipeline.StartAsync(azurite, new Dictionary<string, string?> { ["Limits:Partners:slow:RequestsPerMinute"] = "6" });
        var http = ActivatorUtilities.CreateInstance<BatchesHttp>(pipeline.Services);
        var (slow, acme) = (await pipeline.KeyAsync("slow"), await pipeline.KeyAsync("acme"));

        var answers = new List<(int Status, string Body, string? ContentType, string RetryAfter)>();
        foreach (var key in new[] { slow, slow, slow, acme, acme, acme })
        {
            var request = HttpCall.Request("GET", "https://x/api/batches/none", key: key);
            var (status, body, type) = HttpCall.Read(await http.GetAsync(request, "none", pipeline.Client, default));
            answers.Add((status, body, type, request.HttpContext.Response.Headers.RetryAfter.ToString()));
        }

        // A bucket of six a minute holds one request (ten seconds' worth): the first passes (404, no such batch), the rest wait.
        Assert.Equal([404, 429, 429, 404, 404, 404], answers.Select(a => a.Status));
        Assert.Equal("application/problem+json", answers[1].ContentType);
        Assert.Contains("over its requests per minute", answers[1].Body, StringComparison.Ordinal);
        Assert.InRange(int.Parse(answers[1].RetryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 10);
    }

    [Fact]
    public async Task A_partner_at_its_batches_in_flight_gets_429_for_a_new_batch_but_the_same_batch_again_is_202()
    {
        _emulator.Latency = TimeSpan.FromSeconds(2);
        var settings = Settings(_emulator);
        settings["Limits:Partners:acme:BatchesInFlight"] = "1";
        await using var pipeline = await Pipeline.StartAsync(azurite, settings);
        var starter = ActivatorUtilities.CreateInstance<StartBatchHttp>(pipeline.Services);
        var key = await pipeline.KeyAsync("acme");
        async Task<(int Status, string Body, string RetryAfter)> StartAsync(string batchId)
        {
            var request = HttpCall.Request("POST", $"https://x/api/batches?batchId={batchId}", ReferenceSamples.BatchLines()[0], key, "application/x-ndjson");
            var (status, body, _) = HttpCall.Read(await starter.RunAsync(request, pipeline.Client, default));
            return (status, body, request.HttpContext.Response.Headers.RetryAfter.ToString());
        }

        var first = await StartAsync("one");
        var second = await StartAsync("two");
        var firstAgain = await StartAsync("one");
        await pipeline.WaitAsync("batch:acme:one");
        var afterIt = await StartAsync("two");

        Assert.Equal(202, first.Status);
        Assert.Equal((429, "30"), (second.Status, second.RetryAfter));
        Assert.Contains("its limit is 1", JsonDocument.Parse(second.Body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(202, firstAgain.Status);
        Assert.Equal(202, afterIt.Status);
    }
}
