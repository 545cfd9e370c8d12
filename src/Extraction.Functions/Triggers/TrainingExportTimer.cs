using Extraction.Core.Training;
using Microsoft.Azure.Functions.Worker;

namespace Extraction.Functions.Triggers;

/// <summary>The daily retraining export (schedule: <c>Training:Schedule</c>), from the watermark to the start of today.</summary>
public sealed class TrainingExportTimer(TrainingExport export)
{
    [Function(nameof(TrainingExportTimer))]
    public Task RunAsync([TimerTrigger("%Training:Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        export.RunScheduledAsync(cancellationToken);
}
