using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Extraction.Core.Prompting;
using Extraction.Core.Tests;
using Extraction.ModelEmulator;

namespace Extraction.IntegrationTests;

/// <summary>
/// The emulator's quota mode, the instrument the limiter is measured with: it must refuse what Azure OpenAI would,
/// say when to come back, and count exactly what it admitted. Raw HTTP calls, so no client's retries blur the count.
/// </summary>
public sealed class EmulatorQuotaTests : IAsyncLifetime
{
    private ModelEmulator.ModelEmulator _emulator = null!;
    private static readonly HttpClient Http = new();

    public async Task InitializeAsync() => _emulator = await ModelEmulator.ModelEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task A_burst_gets_the_slices_share_and_the_rest_429_with_the_time_to_the_next_slice_and_the_counters_agree()
    {
        // 600 a minute over 1 s slices: 10 a slice. The quota's slice may turn during the burst, so at most two slices' worth.
        _emulator.Quota("student-ft", new QuotaSettings(RequestsPerMinute: 600, SliceSeconds: 1));

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => CallAsync("student-ft", maxTokens: 100)));

        var admitted = answers.Count(a => a.Status == HttpStatusCode.OK);
        var refused = answers.Where(a => a.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(40, admitted + refused.Count);
        Assert.InRange(admitted, 10, 20);
        Assert.All(refused, r => Assert.InRange(r.RetryAfterMs!.Value, 1, 1_000));
        var counters = _emulator.QuotaCountersOf("student-ft")!;
        Assert.Equal((admitted, refused.Count), ((int)counters.Admitted, (int)counters.Refused));
        Assert.Equal(refused.Count / 40.0, counters.RefusedShare, 6);
    }

    [Fact]
    public async Task Tokens_are_charged_on_arrival_from_the_prompt_and_max_tokens_and_a_second_call_past_them_waits()
    {
        // 6,000 tokens a minute over 1 s slices: 100 a slice; one call of max_tokens 80 plus its prompt takes the slice.
        _emulator.Quota("student-ft", new QuotaSettings(RequestsPerMinute: 6_000, TokensPerMinute: 6_000, SliceSeconds: 1));
        await WaitForSliceStartAsync();

        var first = await CallAsync("student-ft", maxTokens: 80);
        var second = await CallAsync("student-ft", maxTokens: 80);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.Status);
        var counters = _emulator.QuotaCountersOf("student-ft")!;
        Assert.Equal(80 + (first.PromptChars / 4), counters.TokensCharged);
    }

    [Fact]
    public async Task Latency_grows_with_the_calls_the_deployment_holds_and_a_deployment_without_quota_is_not_counted()
    {
        _emulator.Quota("student-ft", new QuotaSettings(RequestsPerMinute: 60_000, SliceSeconds: 1, LatencyPerCallInFlight: TimeSpan.FromMilliseconds(40)));

        var alone = await CallAsync("student-ft", maxTokens: 10);
        var together = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => CallAsync("student-ft", maxTokens: 10)));
        var plain = await CallAsync("teacher-large", maxTokens: 10);

        Assert.All(together, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        // The call whose arrival made the peak waits 40 ms for each call the deployment then held, itself included.
        var peak = _emulator.QuotaCountersOf("student-ft")!.PeakInFlight;
        Assert.InRange(peak, 2, 12);
        Assert.True(together.Max(a => a.Elapsed) >= TimeSpan.FromMilliseconds(40 * peak),
            $"slowest of 12 at once {together.Max(a => a.Elapsed).TotalMilliseconds:0} ms with {peak} held at the peak (alone {alone.Elapsed.TotalMilliseconds:0} ms)");
        Assert.Equal(HttpStatusCode.OK, plain.Status);
        Assert.Null(_emulator.QuotaCountersOf("teacher-large"));
    }

    private async Task<Answer> CallAsync(string deployment, int maxTokens)
    {
        var item = ReferenceSamples.BatchLines().Select(l => Core.Contracts.ContractJson.Deserialize<Core.Contracts.BatchItem>(l)!).First();
        var messages = new object[] { new { role = "system", content = ExtractionPrompt.SystemMessage }, new { role = "user", content = ExtractionPrompt.UserMessage(item) } };
        var body = JsonSerializer.Serialize(new { messages, max_tokens = maxTokens });
        var clock = Stopwatch.StartNew();
        using var response = await Http.PostAsync(new Uri(_emulator.AzureEndpoint, $"openai/deployments/{deployment}/chat/completions?api-version=2024-10-21"),
            new StringContent(body, Encoding.UTF8, "application/json"));
        var retryAfter = response.Headers.TryGetValues("retry-after-ms", out var values) ? int.Parse(values.Single(), System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        return new Answer(response.StatusCode, retryAfter, clock.Elapsed, JsonSerializer.Serialize(messages).Length);
    }

    /// <summary>Waits until just past a whole second, so two calls made at once fall in one 1 s slice.</summary>
    private static async Task WaitForSliceStartAsync()
    {
        var ticks = Stopwatch.GetTimestamp() % Stopwatch.Frequency;
        await Task.Delay(TimeSpan.FromSeconds(1.0 - ((double)ticks / Stopwatch.Frequency)) + TimeSpan.FromMilliseconds(5));
    }

    private sealed record Answer(HttpStatusCode Status, int? RetryAfterMs, TimeSpan Elapsed, int PromptChars);
}
