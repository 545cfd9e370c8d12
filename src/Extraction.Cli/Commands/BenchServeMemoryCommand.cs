using System.Globalization;
using System.Text;
using System.Text.Json;
using Extraction.Cli.CommandLine;
using Extraction.Tooling.Generation;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract bench-serve-memory</c>: small batches, each with a budget of its own, sent to a running
/// <c>extract serve --diagnostics</c>; after the first checkpoint and after all of them (each batch finished, the
/// budget scopes given back) it reads the server's resident set and managed heap after a full collection and
/// its budget scope count, and reads them again once the server has been idle for <c>--settle</c> seconds: what
/// the last minute's traffic holds for a while (finished instances kept <c>Durable:KeepFinishedSeconds</c>, chunk
/// spans, the engine's one-minute waits) has gone then, and what is left is what the process keeps. Memory that
/// grows with the number of batches served shows as a settled ratio above 1.
/// </summary>
internal static class BenchServeMemoryCommand
{
    public static Verb Create(CliContext cli)
    {
        var url = CliOptions.Url("--url", "the API's base address", new Uri("http://127.0.0.1:7071/api"));
        var batches = CliOptions.Whole("--batches", "batches sent in all", 2_000, max: 1_000_000);
        var checkpoint = CliOptions.Whole("--checkpoint", "batches after which memory is read first", 200, max: 1_000_000);
        var accounts = CliOptions.Whole("--accounts", "accounts per batch", 5, max: 1_000);
        var parallel = CliOptions.Whole("--parallel", "batches in flight at once", 8, max: 256);
        var settle = CliOptions.Whole("--settle", "seconds idle before the settled reading (past every time-bound hold)", 75, max: 3_600);
        var key = CliOptions.PartnerKey();
        var verb = new Verb("bench-serve-memory", "Measure whether a running extract serve --diagnostics keeps flat memory over many small batches.",
            "extract bench-serve-memory --key \"$(extract partners add bench | tail -1)\"    (scripts/bench-serve-memory starts everything it needs)")
        {
            url, batches, checkpoint, accounts, parallel, settle, key,
        };
        return verb.Runs(cli, (parse, cli, cancellationToken) => RunAsync(
            parse.GetValue(url)!, parse.GetValue(batches), parse.GetValue(checkpoint), parse.GetValue(accounts), parse.GetValue(parallel), TimeSpan.FromSeconds(parse.GetValue(settle)), parse.GetValue(key)!,
            cli.Output, cli.Progress, cancellationToken));
    }

    private static async Task<int> RunAsync(
        Uri api, int batches, int checkpoint, int accounts, int parallel, TimeSpan settle, string key, TextWriter output, TextWriter progress, CancellationToken cancellationToken)
    {
        var baseUrl = api.ToString().TrimEnd('/');
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        var lines = new SyntheticBatchGenerator(seed: 43).Generate(accounts * 50).Select(a => a.Line).ToArray();
        var run = Guid.NewGuid().ToString("N")[..6];
        var start = await ReadAsync(http, baseUrl, 0, cancellationToken).ConfigureAwait(false);
        var readings = new List<(int Batches, MemoryReading AtOnce, MemoryReading Settled)> { (0, start, start) };
        var sent = 0;
        foreach (var until in new[] { Math.Min(checkpoint, batches), batches }.Distinct())
        {
            await progress.WriteLineAsync($"Sending batches {sent + 1} to {until} ({parallel} at a time)…").ConfigureAwait(false);
            var ids = Enumerable.Range(sent, until - sent).Select(i => $"mem-{run}-{i:D6}").ToList();
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken }, async (id, token) =>
            {
                var index = int.Parse(id[^6..], CultureInfo.InvariantCulture);
                var body = $$"""{"batchId":"{{id}}","maxCostUsd":1,"accounts":[{{string.Join(",", Enumerable.Range(0, accounts).Select(a => lines[(index * accounts + a) % lines.Length]))}}]}""";
                using var response = await http.PostAsync(new Uri($"{baseUrl}/batches"), new StringContent(body, Encoding.UTF8, "application/json"), token).ConfigureAwait(false);
                if ((int)response.StatusCode != 202)
                {
                    throw new InvalidOperationException($"Batch {id} was answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(token).ConfigureAwait(false)}");
                }

                await WaitDoneAsync(http, baseUrl, id, token).ConfigureAwait(false);
            }).ConfigureAwait(false);
            sent = until;
            await progress.WriteLineAsync($"{sent} batches done; waiting for their budget scopes to go back, then {settle.TotalSeconds:0} s idle…").ConfigureAwait(false);
            var atOnce = await ReadAsync(http, baseUrl, start.BudgetScopes, cancellationToken).ConfigureAwait(false);
            await Task.Delay(settle, cancellationToken).ConfigureAwait(false);
            readings.Add((sent, atOnce, await ReadAsync(http, baseUrl, start.BudgetScopes, cancellationToken).ConfigureAwait(false)));
        }

        await output.WriteLineAsync($"batches of {accounts} accounts, each with a budget; memory after a full collection, once idle budget scopes went back and again after {settle.TotalSeconds:0} s idle").ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{"batches",-10}{"RSS MB",10}{"managed MB",12}{"scopes",8}{"scopes back after",19}{"settled RSS MB",16}{"settled managed MB",20}")).ConfigureAwait(false);
        foreach (var (count, r, settled) in readings)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{count,-10}{r.RssBytes / 1e6,10:F1}{r.ManagedBytes / 1e6,12:F1}{r.BudgetScopes,8}{r.ScopesBackAfter.TotalSeconds,17:F1} s{settled.RssBytes / 1e6,16:F1}{settled.ManagedBytes / 1e6,20:F1}")).ConfigureAwait(false);
        }

        var (first, last) = (readings[1], readings[^1]);
        var rssRatio = (double)last.Settled.RssBytes / first.Settled.RssBytes;
        var heapRatio = (double)last.Settled.ManagedBytes / first.Settled.ManagedBytes;
        var flat = rssRatio <= 1.10 && heapRatio <= 1.10 && last.Settled.BudgetScopes <= start.BudgetScopes;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"ratio {last.Batches} / {first.Batches}, settled: RSS {rssRatio:F3}, managed {heapRatio:F3}; {(flat ? "flat (within 10%, scopes at their baseline)" : "NOT flat")}; "
            + $"at once: RSS {(double)last.AtOnce.RssBytes / first.AtOnce.RssBytes:F3}, managed {(double)last.AtOnce.ManagedBytes / first.AtOnce.ManagedBytes:F3}")).ConfigureAwait(false);
        return flat ? 0 : 1;
    }

    private static async Task WaitDoneAsync(HttpClient http, string baseUrl, string id, CancellationToken cancellationToken)
    {
        for (var delay = 50; ; delay = Math.Min(delay * 2, 1_000))
        {
            using var status = JsonDocument.Parse(await http.GetStringAsync(new Uri($"{baseUrl}/batches/{id}"), cancellationToken).ConfigureAwait(false));
            var runtime = status.RootElement.GetProperty("runtimeStatus").GetString();
            if (runtime is "Completed" or "Failed" or "Terminated")
            {
                return;
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The server's memory (it collects fully first) once its budget scopes are back at <paramref name="baselineScopes"/> (or a minute passed).</summary>
    private static async Task<MemoryReading> ReadAsync(HttpClient http, string baseUrl, int baselineScopes, CancellationToken cancellationToken)
    {
        var diagnostics = new Uri(baseUrl[..baseUrl.LastIndexOf("/api", StringComparison.Ordinal)] + "/diagnostics/memory");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var reading = await http.GetFromJsonAsync<MemoryReading>(diagnostics, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException($"{diagnostics} answered nothing.");
            if (reading.BudgetScopes <= baselineScopes || waited.Elapsed > TimeSpan.FromMinutes(1))
            {
                return reading with { ScopesBackAfter = waited.Elapsed };
            }

            await Task.Delay(1_000, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed record MemoryReading(long RssBytes, long ManagedBytes, int BudgetScopes)
    {
        public TimeSpan ScopesBackAfter { get; init; }
    }
}
