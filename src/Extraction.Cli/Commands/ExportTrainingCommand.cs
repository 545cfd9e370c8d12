using System.Globalization;
using Extraction.Cli.Local;
using Extraction.Core.Training;
using Microsoft.Extensions.DependencyInjection;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract export-training</c>: the retraining export. Without <c>--since</c> it exports what is new
/// since the watermark and moves it (as the timer does); with <c>--since</c> it exports that window only.
/// Files go to <c>--out DIR</c>, or to the training container.
/// </summary>
internal static class ExportTrainingCommand
{
    public const string Usage = "extract export-training [--since yyyy-MM-dd] [--until yyyy-MM-dd] [--out DIR]";

    public static async Task<int> RunAsync(CliArgs args, TextWriter output, TextWriter progress, CancellationToken cancellationToken)
    {
        var since = Instant(args, "since");
        var until = Instant(args, "until") ?? DateTimeOffset.UtcNow;
        if (since >= until)
        {
            throw new UsageException("--since must be before --until.");
        }

        await using var session = await LocalSession.StartAsync(args.ConfigOverrides, progress, cancellationToken).ConfigureAwait(false);
        var export = session.Services.GetRequiredService<TrainingExport>();
        IExportSink sink = args.Get("out") is { } folder ? new LocalFolderSink(folder) : export.BlobSink();
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

    private static DateTimeOffset? Instant(CliArgs args, string name) =>
        args.Get(name) is not { } text ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at
        : throw new UsageException($"--{name} must be a date (yyyy-MM-dd) or an ISO 8601 time; got '{text}'.");
}
