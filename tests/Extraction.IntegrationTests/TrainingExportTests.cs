using System.Security.Cryptography;
using System.Text.Json;
using Extraction.Core.Batches;
using Extraction.Core.Contracts;
using Extraction.Core.Prompting;
using Extraction.Core.Review;
using Extraction.Core.Tests;
using Extraction.Core.Training;
using Extraction.IntegrationTests.TestKit;
using Extraction.Tooling.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using static Extraction.IntegrationTests.TestKit.ModelUnderTest;

namespace Extraction.IntegrationTests;

/// <summary>The retraining export on Azurite, from a batch answered through the emulator by a student and a teacher.</summary>
public sealed class TrainingExportTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const int CorruptSeed = 4;
    // A letter whose payoff is below its principal: however many readers agree on it, a person must look (a firm failure).
    private const string NeedsPerson = """{"accountId":"needs-1","liabilityType":"auto_loan","asOf":"2026-03-01","source":{"kind":"payoff_letter","text":"Ally Financial\nLoan number: XXXXXX4242\nUnpaid Principal Balance $6,000.00\nTotal Payoff Amount $5,210.44\nQuestions? jane.doe@example.com or (555) 123-4567"}}""";
    // Every value written in the letter: one reviewer's word is taught (values it does not state would wait for a second).
    private static readonly string Correction = FieldsJson.Of(("payoffAmount", 5210.44m), ("accountLast4", "4242"));

    private ModelEmulator.ModelEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await ModelEmulator.ModelEmulator.StartAsync();
        _emulator.CorruptShare(Student, share: 0.3, seed: CorruptSeed);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task The_export_selects_by_provenance_dedups_splits_stably_and_writes_valid_files_with_the_inference_prompt()
    {
        await using var pipeline = await StartAsync();
        var lines = ReferenceSamples.BatchLines().Take(30).ToList();
        var duplicate = lines[0].Replace("acc-001-000000", "acc-dup", StringComparison.Ordinal);
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        await RunBatchAsync(pipeline, "b1", [.. lines, duplicate, NeedsPerson, """{"accountId":"bad"}"""]);
        var corrected = await pipeline.Services.GetRequiredService<ReviewService>().CorrectAsync(new BatchRef("acme", "b1"), "needs-1", Correction, "alice");
        Assert.Equal(CorrectionStatus.Corrected, corrected.Status);
        var until = DateTimeOffset.UtcNow.AddMinutes(1);
        var folder = Directory.CreateTempSubdirectory("export-").FullName;

        var manifest = await pipeline.Services.GetRequiredService<TrainingExporter>().ExportAsync(since, until, new LocalFolderSink(folder));

        var corruption = new Corruption(0.3, CorruptSeed);
        var items = lines.Select(Item).ToList();
        var taughtByTeacher = items.Count(i => corruption.KindFor(Redaction.Apply(i.Source.Text)) is not null) + (corruption.KindFor(Redaction.Apply(items[0].Source.Text)) is null ? 0 : 1);
        Assert.Equal(32, manifest.Selected);
        Assert.Equal(new Dictionary<string, int> { ["human"] = 1, ["teacher"] = taughtByTeacher, ["student"] = 31 - taughtByTeacher }, manifest.SelectedBySource);
        Assert.Equal((1, 0, 0), (manifest.Skipped["duplicate"], manifest.Skipped["too_long"], manifest.Skipped["missing_document"]));
        Assert.Equal(31, manifest.Train + manifest.Validation);
        Assert.True(manifest.Validation > 0 && manifest.Train > manifest.Validation);
        Assert.Equal(ExtractionPrompt.Version, manifest.PromptVersion);
        Assert.Equal(Math.Round(manifest.TrainTokens * 3 * 3.30m / 1_000_000m, 4), manifest.EstimatedTrainingCostUsd);

        var window = Path.Combine(folder, TrainingExporter.WindowFolder(since, until));
        var files = Directory.GetFiles(window, "*.part-*.jsonl").Order().ToList();
        Assert.Equal(["train.part-000.jsonl", "validation.part-000.jsonl"], files.Select(Path.GetFileName));
        var exportedUsers = new List<string>();
        foreach (var file in files)
        {
            var (problems, users) = FineTuningFormat.Check(file, minExamples: 3);
            Assert.Empty(problems);
            exportedUsers.AddRange(users);
        }

        // Train and serve match: every exported user message is one the model was sent at inference, redaction included.
        var sent = _emulator.Calls.Select(c => c.Body.GetProperty("messages")[1].GetProperty("content").GetString()!).ToHashSet();
        var expected = items.Append(Item(NeedsPerson)).Select(ExtractionPrompt.UserMessage).ToHashSet();
        Assert.Equal(expected, exportedUsers.ToHashSet());
        Assert.Subset(sent, exportedUsers.ToHashSet());
        Assert.Contains(exportedUsers, u => u.Contains("[email] or [phone]", StringComparison.Ordinal));

        var provenance = File.ReadAllLines(Path.Combine(window, "provenance.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.DoesNotContain(provenance.GroupBy(p => p.GetProperty("documentHash").GetString()), g => g.Select(p => p.GetProperty("split").GetString()).Distinct().Count() > 1);
        Assert.Contains(provenance, p => p.GetProperty("source").GetString() == "human" && p.GetProperty("Line").GetInt32() == 32);

        var firstRun = files.ToDictionary(f => Path.GetFileName(f)!, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
        await pipeline.Services.GetRequiredService<TrainingExporter>().ExportAsync(since, until, new LocalFolderSink(folder));
        Assert.Equal(firstRun, Directory.GetFiles(window, "*.part-*.jsonl").ToDictionary(f => Path.GetFileName(f)!, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))));
    }

    [Fact]
    public async Task Examples_over_the_token_limit_are_skipped_and_counted_and_too_few_examples_write_no_file()
    {
        await using var pipeline = await StartAsync(new() { ["Training:MaxTokensPerExample"] = "700" });
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        var longDocument = ReferenceSamples.BatchLines()[0].Replace("Thanks, that's all I needed.", string.Concat(Enumerable.Repeat("Customer: Let me read you my whole history once more. ", 60)), StringComparison.Ordinal);
        await RunBatchAsync(pipeline, "long", [longDocument, .. ReferenceSamples.BatchLines().Skip(1).Take(4)]);
        var folder = Directory.CreateTempSubdirectory("export-").FullName;

        var manifest = await pipeline.Services.GetRequiredService<TrainingExporter>().ExportAsync(since, DateTimeOffset.UtcNow.AddMinutes(1), new LocalFolderSink(folder));

        Assert.Equal(1, manifest.Skipped["too_long"]);
        Assert.Equal((5, 0, 0), (manifest.Selected, manifest.Train, manifest.Validation));
        Assert.Empty(manifest.Files);
        Assert.Contains(manifest.Notes, n => n.StartsWith("train:", StringComparison.Ordinal) && n.Contains("no file written", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_verified_label_the_evaluation_gate_holds_out_is_never_exported()
    {
        await using var pipeline = await StartAsync(new() { ["Training:Gate:HoldOutPercent"] = "100" });
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        await RunBatchAsync(pipeline, "held", [.. ReferenceSamples.BatchLines().Take(30), NeedsPerson]);
        var corrected = await pipeline.Services.GetRequiredService<ReviewService>().CorrectAsync(new BatchRef("acme", "held"), "needs-1", Correction, "alice");
        Assert.Equal(CorrectionStatus.Corrected, corrected.Status);

        var manifest = await pipeline.Services.GetRequiredService<TrainingExporter>().ExportAsync(
            since, DateTimeOffset.UtcNow.AddMinutes(1), new LocalFolderSink(Directory.CreateTempSubdirectory("export-").FullName));

        Assert.Equal(1, manifest.SelectedBySource["human"]);
        Assert.Equal(1, manifest.Skipped["held_out"]);
        Assert.Equal(30, manifest.Train + manifest.Validation);
    }

    [Fact]
    public async Task The_watermark_makes_each_run_export_only_what_is_new()
    {
        await using var pipeline = await StartAsync();
        var export = pipeline.Services.GetRequiredService<TrainingExport>();
        var folder = Directory.CreateTempSubdirectory("export-").FullName;
        await RunBatchAsync(pipeline, "w1", [.. ReferenceSamples.BatchLines().Take(12)]);

        var first = await export.RunFromWatermarkAsync(DateTimeOffset.UtcNow, new LocalFolderSink(folder));
        var nothingNew = await export.RunFromWatermarkAsync(DateTimeOffset.UtcNow, new LocalFolderSink(folder));
        await RunBatchAsync(pipeline, "w2", [.. ReferenceSamples.BatchLines().Skip(100).Take(5)]);
        var second = await export.RunFromWatermarkAsync(DateTimeOffset.UtcNow, new LocalFolderSink(folder));

        Assert.Equal(12, first!.Selected);
        Assert.Equal(0, nothingNew!.Selected);
        Assert.Equal(5, second!.Selected);
        Assert.Equal(first.Until, nothingNew.Since);
        Assert.Equal(nothingNew.Until, second.Since);
    }

    [Fact]
    public async Task The_export_writes_to_the_training_container_too()
    {
        await using var pipeline = await StartAsync();
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        await RunBatchAsync(pipeline, "blob", [.. ReferenceSamples.BatchLines().Take(12)]);
        var until = DateTimeOffset.UtcNow.AddMinutes(1);
        var export = pipeline.Services.GetRequiredService<TrainingExport>();

        var manifest = await pipeline.Services.GetRequiredService<TrainingExporter>().ExportAsync(since, until, export.BlobSink());

        var container = pipeline.Storage.Container(pipeline.StorageOptions.TrainingContainer);
        var folder = TrainingExporter.WindowFolder(since, until);
        Assert.Equal(12, manifest.Selected);
        Assert.NotEmpty(manifest.Files);
        Assert.All(manifest.Files, f => Assert.StartsWith($"{container.Name}/{folder}/", f.Path, StringComparison.Ordinal));
        var train = await container.GetBlobClient($"{folder}/train.part-000.jsonl").DownloadContentAsync();
        Assert.True(train.Value.Content.ToMemory().Span.StartsWith(System.Text.Encoding.UTF8.GetPreamble()));
        Assert.True((await container.GetBlobClient($"{folder}/manifest.json").ExistsAsync()).Value);
    }

    private async Task<Pipeline> StartAsync(Dictionary<string, string?>? more = null)
    {
        var settings = Settings(_emulator);
        settings["Training:MinExamplesPerFile"] = "3";
        settings["Training:ValidationPercent"] = "25";
        settings["Training:Gate:HoldOutPercent"] = "0";
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return await Pipeline.StartAsync(azurite, settings);
    }

    private static async Task RunBatchAsync(Pipeline pipeline, string batchId, string[] lines)
    {
        var outcome = await pipeline.RunFileAsync(new BatchRef("acme", batchId), await Pipeline.WriteBatchFileAsync(lines));
        Assert.True(outcome.Succeeded, outcome.Failure);
    }

    private static BatchItem Item(string line) => BatchLineParser.Parse(System.Text.Encoding.UTF8.GetBytes(line)).Item!;
}
