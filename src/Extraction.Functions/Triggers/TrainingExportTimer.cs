using Extraction.Core.Configuration;
using Extraction.Core.Flywheel;
using Extraction.Core.Training;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Extraction.Functions.Triggers;

/// <summary>
/// The daily retraining export (schedule: <c>Training:Schedule</c>), from the watermark to the start of
/// today; with <c>Training:BaseModel</c> set, a fine-tuning job on what it wrote.
/// </summary>
public sealed class TrainingExportTimer(TrainingExport export, ModelLifecycle models, IOptions<TrainingOptions> options)
{
    [Function(nameof(TrainingExportTimer))]
    public async Task RunAsync([TimerTrigger("%Training:Schedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var manifest = await export.RunScheduledAsync(cancellationToken);
        if (manifest is not null && manifest.Files.Count > 0 && options.Value.FineTunes)
        {
            await models.StartAsync(TrainingExporter.WindowFolder(manifest.Since, manifest.Until), cancellationToken);
        }
    }
}
