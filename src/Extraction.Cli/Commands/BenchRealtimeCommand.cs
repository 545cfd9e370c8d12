using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Extraction.Cli.CommandLine;
using Extraction.Core.Reporting;
using Extraction.Tooling.Generation;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract bench-realtime</c>: POST /api/extract against a running <c>extract serve</c> (pointed at a
/// model with a fixed latency) from N concurrent clients; reports requests/s and the latency the service
/// adds — response time minus the model's latency — at p50 and p99.
/// </summary>
internal static class BenchRealtimeCommand
{
    public static Verb Create(CliContext cli)
    {
        var modelLatency = CliOptions.ModelLatency();
        var url = CliOptions.Url("--url", "the API's base address", new Uri("http://127.0.0.1:7071/api"));
        var clients = CliOptions.Whole("--clients", "concurrent clients", 32, max: 1_024);
        var requests = CliOptions.Whole("--requests", "measured requests", 3_000, max: 1_000_000);
        var warmup = CliOptions.Whole("--warmup", "requests sent first and not measured", 2_000, min: 0, max: 100_000);
        var key = CliOptions.PartnerKey();
        var verb = new Verb("bench-realtime", "Measure the added latency of POST /api/extract against a running extract serve.",
            "extract bench-realtime --model-latency-ms 50 --clients 32 --key \"$(extract partners add bench | tail -1)\"    (scripts/bench-realtime starts everything it needs)")
        {
            modelLatency, url, clients, requests, warmup, key,
        };
        return verb.Runs(cli, (parse, cli, cancellationToken) => RunAsync(
            new Uri(parse.GetValue(url)!.ToString().TrimEnd('/') + "/extract"), parse.GetValue(modelLatency), parse.GetValue(clients), parse.GetValue(requests), parse.GetValue(warmup),
            parse.GetValue(key)!, cli.Output, cli.Progress, cancellationToken));
    }

    private static async Task<int> RunAsync(
        Uri url, int modelLatency, int clients, int requests, int warmup, string key, TextWriter output, TextWriter progress, CancellationToken cancellationToken)
    {
        var bodies = new SyntheticBatchGenerator(seed: 41).Generate(Math.Max(requests, warmup)).Select(a => a.Line).ToArray();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);

        await progress.WriteLineAsync($"Warming up with {warmup} requests…").ConfigureAwait(false);
        await RunAsync(http, url, bodies, warmup, clients, cancellationToken).ConfigureAwait(false);
        await progress.WriteLineAsync($"{requests} requests from {clients} clients…").ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var (latencies, outsideModel, failures) = await RunAsync(http, url, bodies, requests, clients, cancellationToken).ConfigureAwait(false);
        var elapsed = clock.Elapsed;

        var response = latencies.Order().ToList();
        var added = response.Select(ms => Math.Max(0, ms - modelLatency)).ToList();
        var service = outsideModel.Order().ToList();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
            requests        {requests} from {clients} clients, {failures} not 200
            throughput      {requests / elapsed.TotalSeconds:F1} requests/s
            response time   p50 {Percentile.Of(response, 50)} ms, p99 {Percentile.Of(response, 99)} ms (model latency {modelLatency} ms)
            added latency   p50 {Percentile.Of(added, 50)} ms, p99 {Percentile.Of(added, 99)} ms
            outside model   p50 {Percentile.Of(service, 50)} ms, p99 {Percentile.Of(service, 99)} ms (response time minus the result's latencyMs, the service's own wait for the model)
            """)).ConfigureAwait(false);
        return failures == 0 ? 0 : 1;
    }

    private static async Task<(List<long> Latencies, List<long> OutsideModel, int Failures)> RunAsync(
        HttpClient http, Uri url, string[] bodies, int count, int clients, CancellationToken cancellationToken)
    {
        var latencies = new List<long>(count);
        var outsideModel = new List<long>(count);
        var failures = 0;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                using var content = new StringContent(bodies[index], Encoding.UTF8, "application/json");
                var started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                var ms = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var modelMs = response.IsSuccessStatusCode ? ModelLatencyOf(body) : 0;
                lock (latencies)
                {
                    latencies.Add(ms);
                    outsideModel.Add(Math.Max(0, ms - modelMs));
                    failures += response.IsSuccessStatusCode ? 0 : 1;
                }
            }
        })).ConfigureAwait(false);
        return (latencies, outsideModel, failures);
    }

    /// <summary>The result.v1 <c>latencyMs</c>: how long the service waited for the model, as it measured it.</summary>
    private static long ModelLatencyOf(byte[] result)
    {
        using var json = JsonDocument.Parse(result);
        return json.RootElement.TryGetProperty("latencyMs", out var latency) && latency.TryGetInt64(out var ms) ? ms : 0;
    }
}
