using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Extraction.Cli.CommandLine;
using Extraction.Core.Reporting;
using Extraction.Tooling.Generation;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract bench-beside</c>: POST /api/extract at a steady rate against a running <c>extract serve</c>, in
/// alternating phases — alone, then with a large batch in flight on the same service (so on the same deployments
/// and quota) — and the p99 latency the service adds (response time minus the model's fixed latency) of each.
/// The realtime lane goes before batch calls at a saturated deployment: beside a batch, its p99 should stay within
/// twice its p99 alone.
/// </summary>
internal static class BenchBesideCommand
{
    public static Verb Create(CliContext cli)
    {
        var modelLatency = CliOptions.ModelLatency();
        var url = CliOptions.Url("--url", "the API's base address", new Uri("http://127.0.0.1:7071/api"));
        var rate = CliOptions.Whole("--rate", "realtime requests a second, sent at a steady pace whatever the answers take", 20, max: 10_000);
        var requests = CliOptions.Whole("--requests", "realtime requests per phase", 1_000, max: 1_000_000);
        var accounts = CliOptions.Whole("--accounts", "the batch's accounts", 5_000, max: 100_000);
        var rounds = CliOptions.Whole("--rounds", "alone-then-beside rounds", 1, max: 10);
        var key = CliOptions.PartnerKey();
        var verb = new Verb("bench-beside", "Measure POST /api/extract's added latency alone and beside a large batch on the same service, phases alternated.",
            "extract bench-beside --model-latency-ms 20 --rate 20 --requests 1000 --accounts 5000 --key \"$(extract partners add bench | tail -1)\"    (scripts/bench-quota starts everything it needs)")
        {
            modelLatency, url, rate, requests, accounts, rounds, key,
        };
        return verb.Runs(cli, (parse, cli, cancellationToken) => RunAsync(
            parse.GetValue(url)!.ToString().TrimEnd('/'), new Load(parse.GetValue(rate), parse.GetValue(requests), parse.GetValue(modelLatency)),
            parse.GetValue(accounts), parse.GetValue(rounds), parse.GetValue(key)!, cli.Output, cli.Progress, cancellationToken));
    }

    private sealed record Load(int Rate, int Requests, int ModelLatencyMs);

    private sealed record Phase(string Name, List<long> Added, int Failures, string? Batch);

    private static async Task<int> RunAsync(string api, Load load, int accounts, int rounds, string key, TextWriter output, TextWriter progress, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        var generated = new SyntheticBatchGenerator(seed: 47).Generate(Math.Max(load.Requests, accounts)).Select(a => a.Line).ToArray();
        await progress.WriteLineAsync("Warming up with 200 requests…").ConfigureAwait(false);
        await RealtimeAsync(http, api, generated, load with { Requests = 200 }, cancellationToken).ConfigureAwait(false);

        var phases = new List<Phase>();
        for (var round = 1; round <= rounds; round++)
        {
            await progress.WriteLineAsync($"Round {round}: {load.Requests} requests alone at {load.Rate}/s…").ConfigureAwait(false);
            var (alone, aloneFailures) = await RealtimeAsync(http, api, generated, load, cancellationToken).ConfigureAwait(false);
            phases.Add(new Phase($"alone {round}", alone, aloneFailures, null));

            var batchId = $"beside-{Guid.NewGuid():N}"[..20];
            var body = $$"""{"batchId":"{{batchId}}","accounts":[{{string.Join(",", generated.Take(accounts))}}]}""";
            using (var started = await http.PostAsync(new Uri($"{api}/batches"), new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken).ConfigureAwait(false))
            {
                if ((int)started.StatusCode != 202)
                {
                    throw new InvalidOperationException($"The batch was answered {(int)started.StatusCode}: {await started.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
                }
            }

            await progress.WriteLineAsync($"Round {round}: {load.Requests} requests beside batch {batchId} of {accounts} accounts…").ConfigureAwait(false);
            var (beside, besideFailures) = await RealtimeAsync(http, api, generated, load, cancellationToken).ConfigureAwait(false);
            string duringPhase;
            using (var during = await StatusAsync(http, api, batchId, cancellationToken).ConfigureAwait(false))
            {
                duringPhase = during.RootElement.GetProperty("runtimeStatus").GetString() ?? "";
            }

            var clock = Stopwatch.StartNew();
            var final = await StatusAsync(http, api, batchId, cancellationToken).ConfigureAwait(false);
            while (final.RootElement.GetProperty("runtimeStatus").GetString() is not ("Completed" or "Failed" or "Terminated"))
            {
                await Task.Delay(1_000, cancellationToken).ConfigureAwait(false);
                final.Dispose();
                final = await StatusAsync(http, api, batchId, cancellationToken).ConfigureAwait(false);
            }

            using (final)
            {
                phases.Add(new Phase($"beside {round}", beside, besideFailures,
                    $"{(duringPhase is "Running" or "Pending" ? "in flight through the whole phase" : "FINISHED BEFORE THE PHASE ENDED")}, then done {clock.Elapsed.TotalSeconds:F0} s later: {Counts(final)}"));
            }
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"POST /api/extract at {load.Rate}/s, {load.Requests} requests a phase; added latency = response time - the model's {load.ModelLatencyMs} ms")).ConfigureAwait(false);
        foreach (var phase in phases)
        {
            var sorted = phase.Added.Order().ToList();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {phase.Name,-9} p50 {Percentile.Of(sorted, 50),5} ms  p99 {Percentile.Of(sorted, 99),5} ms  {phase.Failures} not 200{(phase.Batch is null ? "" : $"; the batch {phase.Batch}")}")).ConfigureAwait(false);
        }

        var alone99 = phases.Where(p => p.Batch is null).Max(p => Percentile.Of(p.Added.Order().ToList(), 99));
        var beside99 = phases.Where(p => p.Batch is not null).Max(p => Percentile.Of(p.Added.Order().ToList(), 99));
        var ratio = beside99 / (double)Math.Max(1, alone99);
        var ok = ratio <= 2 && phases.All(p => p.Failures == 0) && phases.All(p => p.Batch is null || p.Batch.StartsWith("in flight", StringComparison.Ordinal));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"p99 added beside a batch / alone (worst phase of each): {beside99} / {alone99} ms = {ratio:F2}x; {(ok ? "within 2x" : "NOT within 2x, or a phase failed")}")).ConfigureAwait(false);
        return ok ? 0 : 1;
    }

    /// <summary>Sends <see cref="Load.Requests"/> requests a steady 1/rate apart, each awaited on its own: an open loop, so a slow answer never slows the offered load.</summary>
    private static async Task<(List<long> Added, int Failures)> RealtimeAsync(HttpClient http, string api, string[] bodies, Load load, CancellationToken cancellationToken)
    {
        var added = new List<long>(load.Requests);
        var failures = 0;
        var url = new Uri($"{api}/extract");
        var clock = Stopwatch.StartNew();
        var sent = new List<Task>(load.Requests);
        for (var i = 0; i < load.Requests; i++)
        {
            var due = TimeSpan.FromSeconds(i / (double)load.Rate) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, cancellationToken).ConfigureAwait(false);
            }

            var body = bodies[i % bodies.Length];
            sent.Add(Task.Run(
                async () =>
                {
                    using var content = new StringContent(body, Encoding.UTF8, "application/json");
                    var started = Stopwatch.GetTimestamp();
                    using var response = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
                    await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                    var ms = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    lock (added)
                    {
                        added.Add(Math.Max(0, ms - load.ModelLatencyMs));
                        failures += response.IsSuccessStatusCode ? 0 : 1;
                    }
                },
                cancellationToken));
        }

        await Task.WhenAll(sent).ConfigureAwait(false);
        return (added, failures);
    }

    private static async Task<JsonDocument> StatusAsync(HttpClient http, string api, string batchId, CancellationToken cancellationToken) =>
        JsonDocument.Parse(await http.GetStringAsync(new Uri($"{api}/batches/{batchId}"), cancellationToken).ConfigureAwait(false));

    private static string Counts(JsonDocument status) =>
        status.RootElement.TryGetProperty("counts", out var counts) ? counts.GetRawText() : status.RootElement.GetProperty("runtimeStatus").GetString() ?? "";
}
