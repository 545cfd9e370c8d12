using System.Diagnostics;
using System.Globalization;
using Extraction.Cli.Generation;
using Extraction.Cli.Local;
using Extraction.Core.Configuration;
using Extraction.Core.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract bench --count N</c>: N synthetic accounts through the local durable batch path, and
/// the engine's bare fan-out of N no-op activities in the same process and run, side by side.
/// </summary>
internal static class BenchCommand
{
    public const string Usage = "extract bench [--count 5000] [--warmup 200] [--Section:Key=value ...]";

    public static async Task<int> RunAsync(CliArgs args, TextWriter output, TextWriter progress, CancellationToken cancellationToken)
    {
        var count = args.GetInt("count", 5_000, max: 1_000_000);
        var warmup = args.GetInt("warmup", 200, min: 0, max: 100_000);
        var folder = Directory.CreateTempSubdirectory("extract-bench-");
        var file = Path.Combine(folder.FullName, "batch.jsonl");
        var warmupFile = Path.Combine(folder.FullName, "warmup.jsonl");
        await File.WriteAllLinesAsync(file, new SyntheticBatchGenerator(seed: 7).Generate(count).Select(a => a.Line), cancellationToken).ConfigureAwait(false);
        await File.WriteAllLinesAsync(warmupFile, new SyntheticBatchGenerator(seed: 8).Generate(Math.Max(warmup, 1)).Select(a => a.Line), cancellationToken).ConfigureAwait(false);

        await using var session = await LocalSession.StartAsync(args.ConfigOverrides, progress, cancellationToken, BareFanOut.Register).ConfigureAwait(false);
        var services = session.Services;
        var batchOptions = services.GetRequiredService<IOptions<BatchOptions>>().Value;
        var client = services.GetRequiredService<DurableTaskClient>();
        var runner = new BatchRunner(services);
        var runId = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

        if (warmup > 0)
        {
            await progress.WriteLineAsync($"Warming up with {warmup} accounts…").ConfigureAwait(false);
            await BareAsync(client, warmup, batchOptions, cancellationToken).ConfigureAwait(false);
            await runner.RunAsync(new BatchRef("bench", $"warmup-{runId}"), warmupFile, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        await progress.WriteLineAsync($"Bare fan-out of {count} no-op activities…").ConfigureAwait(false);
        var bare = await BareAsync(client, count, batchOptions, cancellationToken).ConfigureAwait(false);
        await progress.WriteLineAsync($"Batch path with {count} synthetic accounts…").ConfigureAwait(false);
        var pipeline = await runner.RunAsync(new BatchRef("bench", $"run-{runId}"), file, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!pipeline.Succeeded)
        {
            await progress.WriteLineAsync($"The batch run ended {pipeline.Status}: {pipeline.Failure}").ConfigureAwait(false);
            return 1;
        }

        var bareRate = count / bare.TotalSeconds;
        var pipelineRate = count / pipeline.Elapsed.TotalSeconds;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
            accounts                 {count}
            chunk size / parallel    {batchOptions.ChunkSize} / {batchOptions.MaxParallelChunks}
            engine bare fan-out      {bare.TotalSeconds,8:F2} s   {bareRate,9:F1} activities/s
            batch path (rules model) {pipeline.Elapsed.TotalSeconds,8:F2} s   {pipelineRate,9:F1} accounts/s
            ratio batch/bare         {pipelineRate / bareRate,8:F2}
            """)).ConfigureAwait(false);
        folder.Delete(recursive: true);
        return 0;
    }

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
