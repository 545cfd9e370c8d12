using System.Text.Json;
using Extraction.Core.Activities;
using Extraction.Core.Contracts;
using Extraction.Core.Quota;
using Extraction.Core.Tests;
using Extraction.Functions.Telemetry;
using Extraction.IntegrationTests.TestKit;
using Extraction.ModelEmulator;
using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.DependencyInjection;
using static Extraction.IntegrationTests.TestKit.ModelUnderTest;

namespace Extraction.IntegrationTests;

/// <summary>The Application Insights metrics a batch sends, captured by an in-memory channel: what is there and what must not be.</summary>
public sealed class TelemetryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private ModelEmulator.ModelEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await ModelEmulator.ModelEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task A_batch_sends_model_call_and_batch_metrics_by_deployment_partner_and_status_and_nothing_private()
    {
        var channel = new CapturingTelemetryChannel();
        using var configuration = new TelemetryConfiguration { TelemetryChannel = channel, ConnectionString = "InstrumentationKey=11111111-2222-3333-4444-555555555555" };
        await ClearOfTheMinuteCycleAsync();
        var client = new TelemetryClient(configuration);
        _emulator.Script(Student, Behaviour.Raw("{broken"));
        var lines = ReferenceSamples.BatchLines().Take(20).ToArray();
        await using (var pipeline = await Pipeline.StartAsync(azurite, Settings(_emulator), s => s.AddSingleton<IPipelineTelemetry>(new ApplicationInsightsTelemetry(client))))
        {
            var outcome = await pipeline.RunFileAsync(new BatchRef("acme", "telemetry"), await Pipeline.WriteBatchFileAsync(lines));
            Assert.True(outcome.Succeeded, outcome.Failure);
        }

        client.Flush();
        var metrics = channel.Sent.OfType<MetricTelemetry>().ToList();

        var latency = metrics.Where(m => m.Name == ApplicationInsightsTelemetry.ModelCallLatency).ToList();
        Assert.True(21 == latency.Sum(m => m.Count ?? 0), string.Join("\n", latency.Select(m => $"{m.Timestamp:HH:mm:ss.fff} {m.Count} {string.Join(",", m.Properties.Select(p => p.Key + "=" + p.Value))}")));
        Assert.Contains(latency, m => m.Properties["Deployment"] == Student && m.Properties["Outcome"] == "ok" && m.Properties["Status"] == "extracted" && m.Properties["Partner"] == "acme");
        Assert.Contains(latency, m => m.Properties["Deployment"] == Student && m.Properties["Outcome"] == "invalid_output");
        Assert.Contains(latency, m => m.Properties["Deployment"] == Teacher && m.Properties["Outcome"] == "ok");
        Assert.True(metrics.Where(m => m.Name == ApplicationInsightsTelemetry.ModelCallCost).Sum(m => m.Sum) > 0);
        Assert.Equal(21, metrics.Where(m => m.Name == ApplicationInsightsTelemetry.ModelCallPromptTokens).Sum(m => m.Count ?? 0));
        Assert.Equal(20, metrics.Single(m => m.Name == ApplicationInsightsTelemetry.BatchAccounts && m.Properties["Status"] == "extracted").Sum);
        Assert.Single(metrics, m => m.Name == ApplicationInsightsTelemetry.BatchDuration && m.Properties["Partner"] == "acme");

        var everything = string.Join("\n", channel.Sent.Select(t => JsonSerializer.Serialize(t, t.GetType())));
        Assert.Contains("\"Deployment\":\"student-ft\"", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, everything, StringComparison.Ordinal);
        foreach (var line in lines)
        {
            var root = JsonDocument.Parse(line).RootElement;
            Assert.DoesNotContain(root.GetProperty("accountId").GetString()!, everything, StringComparison.Ordinal);
            foreach (var sentence in root.GetProperty("source").GetProperty("text").GetString()!.Split('\n').Select(s => s.Trim()).Where(s => s.Length >= 16))
            {
                Assert.DoesNotContain(sentence, everything, StringComparison.Ordinal);
            }
        }

        foreach (var last4 in ReferenceSamples.Gold().Values.Select(f => f.AccountLast4).OfType<string>())
        {
            Assert.DoesNotMatch($@"(ending in|XXXXXX|\*\*\*\*\*\*){last4}", everything);
        }
    }

    [Fact]
    public async Task The_quota_heartbeat_sends_calls_waiting_in_flight_the_pace_and_the_429s_per_deployment()
    {
        var channel = new CapturingTelemetryChannel();
        using var configuration = new TelemetryConfiguration { TelemetryChannel = channel, ConnectionString = "InstrumentationKey=11111111-2222-3333-4444-555555555555" };
        await ClearOfTheMinuteCycleAsync();
        var client = new TelemetryClient(configuration);
        _emulator.Script(Student, Behaviour.RateLimited(retryAfterMs: 100));
        var settings = Settings(_emulator);
        settings["Model:Deployments:student-ft:RequestsPerMinute"] = "600"; // 20 accounts paced over about 2 s
        settings["Model:Quota:ShareRefreshSeconds"] = "1";
        await using (var pipeline = await Pipeline.StartAsync(azurite, settings, s => s.AddSingleton<IQuotaTelemetry>(new ApplicationInsightsTelemetry(client))))
        {
            var outcome = await pipeline.RunFileAsync(new BatchRef("acme", "quota-telemetry"), await Pipeline.WriteBatchFileAsync([.. ReferenceSamples.BatchLines().Take(20)]));
            Assert.True(outcome.Succeeded, outcome.Failure);
            await pipeline.Services.GetRequiredService<QuotaShares>().BeatOnceAsync();
        }

        client.Flush();
        var quota = channel.Sent.OfType<MetricTelemetry>().Where(m => m.Name.StartsWith("Quota", StringComparison.Ordinal) && m.Properties["Deployment"] == Student).ToList();

        Assert.Equal(1, quota.Where(m => m.Name == ApplicationInsightsTelemetry.QuotaRateLimited).Sum(m => m.Sum));
        Assert.True(quota.Where(m => m.Name == ApplicationInsightsTelemetry.QuotaWaiting).Max(m => m.Max) > 0, "no heartbeat saw a call waiting");
        Assert.InRange(quota.Where(m => m.Name == ApplicationInsightsTelemetry.QuotaLimit).Max(m => m.Max ?? 0), 1, 600);
        Assert.Contains(quota, m => m.Name == ApplicationInsightsTelemetry.QuotaInFlight);
        Assert.All(quota, m => Assert.Equal(["Deployment"], m.Properties.Keys.Where(k => !k.StartsWith("_MS", StringComparison.Ordinal))));
    }

    /// <summary>
    /// The SDK completes its metric aggregation at second 1 of every minute, taking each series'
    /// aggregator away while activities may still be tracking into it; a value tracked at that instant
    /// can miss both periods. The batch runs clear of that instant, so the counts above are exact.
    /// </summary>
    private static async Task ClearOfTheMinuteCycleAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var second = now.Second + (now.Millisecond / 1000.0);
        if (second is >= 50 or < 3)
        {
            await Task.Delay(TimeSpan.FromSeconds((63 - second) % 60));
        }
    }
}
