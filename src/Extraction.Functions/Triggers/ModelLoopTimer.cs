using Extraction.Core.Configuration;
using Extraction.Core.Flywheel;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Extraction.Functions.Triggers;

/// <summary>
/// The retraining loop's step (schedule: <c>Training:PollSchedule</c>): open fine-tuning jobs followed,
/// finished ones deployed as candidates, candidates gated and, when they pass, promoted.
/// </summary>
public sealed class ModelLoopTimer(ModelLifecycle models, IOptions<TrainingOptions> options)
{
    [Function(nameof(ModelLoopTimer))]
    public async Task RunAsync([TimerTrigger("%Training:PollSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (options.Value.FineTunes)
        {
            await models.AdvanceAsync(cancellationToken);
        }
    }
}
