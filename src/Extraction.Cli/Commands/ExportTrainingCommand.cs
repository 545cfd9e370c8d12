using System.CommandLine;
using System.Globalization;
using Extraction.Cli.CommandLine;
using Extraction.Cli.Local;
using Extraction.Core.Training;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract export-training</c>: the retraining export. Without <c>--since</c> it exports what is new
/// since the watermark and moves it (as the timer does); with <c>--since</c> it exports that window only.
/// Files go to <c>--out DIR</c>, or to the training container.
/// </summary>
internal static class ExportTrainingCommand
{
    public static Verb Create(CliContext cli)
    {
        var since = CliOptions.Instant("--since", "export this window only (default: what is new since the watermark, which then moves)");
        var until = CliOptions.Instant("--until", "the window's end (default: now)");
        var output = new Option<string?>("--out") { Description = "a local folder for the files (default: the training container)", HelpName = "DIR" };
        var verb = new Verb("export-training", "Export trustworthy answers as chat fine-tuning files (train, validation, manifest).",
            "extract export-training --out out/training",
            "extract export-training --since 2026-11-01 --until 2026-12-01")
        {
            since, until, output,
        };
        return verb.Runs(cli, (parse, cli, cancellationToken) =>
        {
            var from = parse.GetValue(since);
            var to = parse.GetValue(until) ?? DateTimeOffset.UtcNow;
            return from >= to
                ? throw new UsageException("--since must be before --until.")
                : RunAsync(from, to, parse.GetValue(output), cli, cancellationToken);
        });
    }

    private static async Task<int> RunAsync(DateTimeOffset? since, DateTimeOffset until, string? folder, CliContext cli, CancellationToken cancellationToken)
    {
        var (output, progress) = (cli.Output, cli.Progress);
        await using var session = await LocalSession.StartAsync(cli.Overrides, progress, cancellationToken).ConfigureAwait(false);
        var export = session.Services.GetRequiredService<TrainingExport>();
        IExportSink sink = folder is not null ? new LocalFolderSink(folder) : export.BlobSink();
        var manifest = since is null
            ? await export.RunFromWatermarkAsync(until, sink, cancellationToken).ConfigureAwait(false)
            : await session.Services.GetRequiredService<TrainingExporter>().ExportAsync(since.Value, until, sink, cancellationToken).ConfigureAwait(false);
        if (manifest is null)
        {
            await output.WriteLineAsync("Nothing new since the last export.").ConfigureAwait(false);
            return 0;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
            Training export {manifest.Since:yyyy-MM-dd HH:mm} – {manifest.Until:yyyy-MM-dd HH:mm} UTC, prompt {manifest.PromptVersion}
              selected     {manifest.Selected} ({string.Join(", ", manifest.SelectedBySource.Select(s => $"{s.Key} {s.Value}"))})
              skipped      {string.Join(", ", manifest.Skipped.Select(s => $"{s.Key} {s.Value}"))}
              train        {manifest.Train} examples, {manifest.TrainTokens:N0} tokens
              validation   {manifest.Validation} examples, {manifest.ValidationTokens:N0} tokens
              est. cost    ${manifest.EstimatedTrainingCostUsd:F2} for {manifest.Epochs} epochs
            """)).ConfigureAwait(false);
        foreach (var line in manifest.Files.Select(f => $"  {f.Path}  ({f.Examples} examples, {f.Bytes:N0} bytes)").Concat(manifest.Notes.Select(n => $"  note: {n}")))
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        return 0;
    }
}
