using Extraction.Core.Configuration;
using Extraction.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Training;

/// <summary>
/// The scheduled export: from the watermark (or the day before, the first time) to the start of
/// today (UTC), into the training container, then the watermark moves on. Explicit windows do not move it.
/// </summary>
[Singleton]
public sealed class TrainingExport(
    TrainingExporter exporter, ExportWatermark watermark, StorageClients storage, IOptions<StorageOptions> storageOptions, TimeProvider time, ILogger<TrainingExport> logger)
{
    /// <summary>The timer's run: whole UTC days, up to the start of today.</summary>
    public Task<ExportManifest?> RunScheduledAsync(CancellationToken cancellationToken = default) =>
        RunFromWatermarkAsync(new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero), BlobSink(), cancellationToken);

    /// <summary>Everything recorded since the watermark (or one day before <paramref name="until"/>, the first time), then the watermark moves to <paramref name="until"/>.</summary>
    public async Task<ExportManifest?> RunFromWatermarkAsync(DateTimeOffset until, IExportSink sink, CancellationToken cancellationToken = default)
    {
        var since = await watermark.GetAsync(cancellationToken).ConfigureAwait(false) ?? until.AddDays(-1);
        if (since >= until)
        {
            logger.LogInformation("Training export: nothing new since {Since:o}", since);
            return null;
        }

        var manifest = await exporter.ExportAsync(since, until, sink, cancellationToken).ConfigureAwait(false);
        await watermark.SetAsync(until, cancellationToken).ConfigureAwait(false);
        logger.LogInformation(
            "Training export {Since:o}–{Until:o}: {Train} train and {Validation} validation examples from {Selected} selected",
            since, until, manifest.Train, manifest.Validation, manifest.Selected);
        return manifest;
    }

    public IExportSink BlobSink() => new BlobContainerSink(storage.Container(storageOptions.Value.TrainingContainer));
}
