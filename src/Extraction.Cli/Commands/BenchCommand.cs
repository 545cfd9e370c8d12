using System.Diagnostics;
using System.Globalization;
using Extraction.Cli.CommandLine;
using Extraction.Cli.Local;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Storage;
using Extraction.Tooling.Generation;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract bench --count N</c>: N synthetic accounts through the local durable batch path, side by
/// side with the engine's bare fan-out of N no-op activities and with the storage calls of N accounts
/// made directly, in the same process and run. Unless a connection string is given, it runs on an
/// in-memory Azurite of its own, so earlier runs' data cannot slow it.
/// </summary>
internal static class BenchCommand
{
    public static Verb Create(CliContext cli)
    {
        var count = CliOptions.Whole("--count", "synthetic accounts per run", 5_000, max: 1_000_000);
        var repeat = CliOptions.Whole("--repeat", "runs of each measurement (the median is reported)", 3, max: 20);
        var warmup = CliOptions.Whole("--warmup", "accounts run first and not measured (0: none)", 200, min: 0, max: 100_000);
        var engine = CliOptions.Engine();
        var workers = CliOptions.Workers();
        var verb = new Verb("bench", "Benchmark the batch path beside the engine's bare fan-out and the storage floor, in one run.",
            "extract bench --count 5000",
            "extract bench --count 1000 --engine azure-storage --workers 2")
        {
            count, repeat, warmup, engine, workers,
        };
        return verb.Runs(cli, (parse, cli, cancellationToken) => RunAsync(
            parse.GetValue(count), parse.GetValue(repeat), parse.GetValue(warmup), parse.GetValue(engine), parse.GetValue(workers), cli, cancellationToken));
    }

    private static async Task<int> RunAsync(int count, int repeat, int warmup, string? engine, int workerCount, CliContext cli, CancellationToken cancellationToken)
    {
        var (output, progress) = (cli.Output, cli.Progress);
        var folder = Directory.CreateTempSubdirectory("extract-bench-");
        var file = Path.Combine(folder.FullName, "batch.jsonl");
        var warmupFile = Path.Combine(folder.FullName, "warmup.jsonl");
        await File.WriteAllLinesAsync(file, new SyntheticBatchGenerator(seed: 7).Generate(count).Select(a => a.Line), cancellationToken).ConfigureAwait(false);
        await File.WriteAllLinesAsync(warmupFile, new SyntheticBatchGenerator(seed: 8).Generate(Math.Max(warmup, 1)).Select(a => a.Line), cancellationToken).ConfigureAwait(false);

        await using var azurite = await Azurite.StartPrivateUnlessConfiguredAsync(cli.Overrides, cancellationToken).ConfigureAwait(false);

        var workers = EngineArguments.Apply(cli.Overrides, engine, workerCount, defaultEngine: null);
        if (workers == 0)
        {
            throw new UsageException("bench measures its own workers: --workers 1 or more.");
        }

        await using var session = await LocalSession.StartAsync(cli.Overrides, progress, cancellationToken, BareFanOut.Register, workers).ConfigureAwait(false);
        var services = session.Services;
        var batchOptions = services.GetRequiredService<IOptions<BatchOptions>>().Value;
        var provider = services.GetRequiredService<IOptions<ModelOptions>>().Value.Provider;
        var client = services.GetRequiredService<DurableTaskClient>();
        var runner = new BatchRunner(services);
        var runId = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

        if (warmup > 0)
        {
            await progress.WriteLineAsync($"Warming up with {warmup} accounts…").ConfigureAwait(false);
            await BareAsync(client, warmup, batchOptions, cancellationToken).ConfigureAwait(false);
            await runner.RunAsync(new BatchRef("bench", $"warmup-{runId}"), warmupFile, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var bareRuns = new List<TimeSpan>();
        var floorRuns = new List<TimeSpan>();
        var pipelineRuns = new List<TimeSpan>();
        var storage = services.GetRequiredService<StorageClients>();
        var calls = (Blob: 0L, Table: 0L);
        var concurrency = batchOptions.ChunkSize * batchOptions.MaxParallelChunks;
        for (var run = 1; run <= repeat; run++)
        {
            await progress.WriteLineAsync($"Run {run}/{repeat}: bare fan-out, storage floor, batch path, {count} accounts each…").ConfigureAwait(false);
            bareRuns.Add(await BareAsync(client, count, batchOptions, cancellationToken).ConfigureAwait(false));
            floorRuns.Add(await StorageFloor.MeasureAsync(services.GetRequiredService<StorageClients>(), file, concurrency, cancellationToken).ConfigureAwait(false));
            var (blobBefore, tableBefore) = (storage.Calls.Blob, storage.Calls.Table);
            var pipeline = await runner.RunAsync(new BatchRef("bench", $"run-{runId}-{run}"), file, cancellationToken: cancellationToken).ConfigureAwait(false);
            calls = (storage.Calls.Blob - blobBefore, storage.Calls.Table - tableBefore);
            if (!pipeline.Succeeded)
            {
                await progress.WriteLineAsync($"The batch run ended {pipeline.Status}: {pipeline.Failure}").ConfigureAwait(false);
                return 1;
            }

            pipelineRuns.Add(pipeline.Elapsed);
        }

        var bareRate = count / Median(bareRuns).TotalSeconds;
        var floorRate = count / Median(floorRuns).TotalSeconds;
        var pipelineRate = count / Median(pipelineRuns).TotalSeconds;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
            accounts                   {count}   (median of {repeat} runs each; seconds per run after the rate)
            engine / workers           {services.GetRequiredService<IOptions<DurableOptions>>().Value.Engine} / {workers}
            chunk size / parallel      {batchOptions.ChunkSize} / {batchOptions.MaxParallelChunks}
            engine bare fan-out        {bareRate,9:F1} activities/s   {Seconds(bareRuns)}
            storage floor (3 calls)    {floorRate,9:F1} accounts/s     {Seconds(floorRuns)}
            {"batch path (" + provider + ")",-26} {pipelineRate,9:F1} accounts/s     {Seconds(pipelineRuns)}
            storage calls per account  {PerAccount(calls, count)}   (every request, retries included; last run)
            ratio batch / bare         {pipelineRate / bareRate,9:F3}
            ratio batch / storage      {pipelineRate / floorRate,9:F3}
            """)).ConfigureAwait(false);
        folder.Delete(recursive: true);
        return 0;
    }

    private static string PerAccount((long Blob, long Table) calls, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{(calls.Blob + calls.Table) / (double)count:F2} (blob {calls.Blob / (double)count:F2}, table {calls.Table / (double)count:F2})");

    private static TimeSpan Median(List<TimeSpan> runs) => runs.Order().ElementAt(runs.Count / 2);

    private static string Seconds(List<TimeSpan> runs) =>
        string.Join(" ", runs.Select(r => r.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)));

    private static async Task<TimeSpan> BareAsync(DurableTaskClient client, int count, BatchOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var id = await client.ScheduleNewOrchestrationInstanceAsync(
            nameof(BareFanOut), new BareFanOut.Input(count, options.ChunkSize, options.MaxParallelChunks), cancellationToken).ConfigureAwait(false);
        var state = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (state.RuntimeStatus != OrchestrationRuntimeStatus.Completed || state.ReadOutputAs<int>() != count)
        {
            throw new InvalidOperationException($"The bare fan-out ended {state.RuntimeStatus} with {state.SerializedOutput} of {count} activities.");
        }

        return clock.Elapsed;
    }
}
