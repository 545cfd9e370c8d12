using System.Diagnostics;
using System.Globalization;
using Extraction.Cli.CommandLine;
using Extraction.Cli.Local;
using Extraction.Core.Batches;
using Extraction.Core.Contracts;
using Extraction.Core.Storage;
using Extraction.Core.Training;
using Extraction.Tooling.Generation;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract bench-export --count N</c>: seeds N trustworthy results (raw records and training
/// candidates) into a private Azurite, then times the retraining export of them beside the storage
/// floor — reading the same N raw records and nothing else.
/// </summary>
internal static class BenchExportCommand
{
    public static Verb Create(CliContext cli)
    {
        var count = CliOptions.Whole("--count", "results to seed and export", 100_000, max: 5_000_000);
        var verb = new Verb("bench-export", "Benchmark the retraining export beside reading the same raw records.", "extract bench-export --count 100000") { count };
        return verb.Runs(cli, (parse, cli, cancellationToken) => RunAsync(parse.GetValue(count), cli.Overrides, cli.Output, cli.Progress, cancellationToken));
    }

    private static async Task<int> RunAsync(int count, Dictionary<string, string?> overrides, TextWriter output, TextWriter progress, CancellationToken cancellationToken)
    {
        overrides["Model:Provider"] = "azure-openai";
        overrides["Model:Endpoint"] = "http://127.0.0.1:9/";
        overrides["Model:StudentDeployment"] = "student";
        overrides["Model:TeacherDeployment"] = "teacher";
        overrides["Pricing:student:InputPerMillion"] = "0";
        overrides["Pricing:student:OutputPerMillion"] = "0";
        overrides["Pricing:teacher:InputPerMillion"] = "0";
        overrides["Pricing:teacher:OutputPerMillion"] = "0";
        await using var azurite = await Azurite.StartPrivateUnlessConfiguredAsync(overrides, cancellationToken).ConfigureAwait(false);
        await using var session = await LocalSession.StartAsync(overrides, progress, cancellationToken).ConfigureAwait(false);
        var services = session.Services;
        var raw = services.GetRequiredService<RawRecordStore>();
        var candidates = services.GetRequiredService<TrainingCandidates>();
        var batch = new BatchRef("bench", "export");

        await progress.WriteLineAsync($"Seeding {count:N0} results…").ConfigureAwait(false);
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var accounts = new SyntheticBatchGenerator(seed: 31).Generate(count).Select((a, i) => (Line: i + 1, Item: BatchLineParser.Parse(System.Text.Encoding.UTF8.GetBytes(a.Line)).Item!, a.Gold));
        var locations = new List<string>(count);
        await Parallel.ForEachAsync(accounts, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken }, async (a, token) =>
        {
            var model = a.Line % 5 == 0 ? "teacher" : "student";
            var location = raw.LocationOf(batch, a.Line, a.Item.AccountId).ToString();
            var result = new ExtractionResult { AccountId = a.Item.AccountId, Status = ResultStatus.Extracted, Fields = a.Gold, Model = model, Attempts = 1, RawOutput = location };
            var attempt = new ModelAttempt(model, AttemptOutcomes.Ok, 200, DateTimeOffset.UtcNow, 40, new TokenUsage(600, 90), 0m, null, "{}", "{}", null);
            await raw.WriteAsync(batch, new RawRecord(batch.Partner, batch.BatchId, a.Line, a.Item.AccountId, a.Item.LiabilityType, a.Item.Source.Kind, model, [attempt], result, DateTimeOffset.UtcNow, a.Item), token).ConfigureAwait(false);
            await candidates.RecordAsync(batch, a.Line, result, model == "teacher" ? TrainingSource.Teacher : TrainingSource.Student, token).ConfigureAwait(false);
            lock (locations)
            {
                locations.Add(location);
            }
        }).ConfigureAwait(false);
        var until = DateTimeOffset.UtcNow.AddSeconds(1);

        await progress.WriteLineAsync("Reading every raw record (the storage floor)…").ConfigureAwait(false);
        var floor = Stopwatch.StartNew();
        await Parallel.ForEachAsync(locations, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken },
            async (location, token) => await raw.ReadAsync(location, token).ConfigureAwait(false)).ConfigureAwait(false);
        var floorTime = floor.Elapsed;

        await progress.WriteLineAsync("Exporting…").ConfigureAwait(false);
        var folder = Directory.CreateTempSubdirectory("extract-bench-export-");
        var clock = Stopwatch.StartNew();
        var manifest = await services.GetRequiredService<TrainingExporter>().ExportAsync(since, until, new LocalFolderSink(folder.FullName), cancellationToken).ConfigureAwait(false);
        var exportTime = clock.Elapsed;
        var bytes = manifest.Files.Sum(f => f.Bytes);
        folder.Delete(recursive: true);

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
            results                  {count:N0} selected, {manifest.Train + manifest.Validation:N0} exported ({manifest.Skipped["duplicate"]:N0} duplicates), {bytes / 1_048_576.0:F1} MB, {manifest.TrainTokens + manifest.ValidationTokens:N0} tokens
            storage floor (read all) {floorTime.TotalSeconds,8:F1} s   {count / floorTime.TotalSeconds,8:F0} records/s
            export                   {exportTime.TotalSeconds,8:F1} s   {count / exportTime.TotalSeconds,8:F0} results/s
            ratio export / floor     {floorTime.TotalSeconds / exportTime.TotalSeconds,8:F2}
            """)).ConfigureAwait(false);
        return 0;
    }
}
