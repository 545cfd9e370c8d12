using Extraction.Core.Activities;
using Extraction.Core.Orchestration;
using Microsoft.Azure.Functions.Worker;

namespace Extraction.Functions.Activities;

public sealed class PlanBatchFunction(PlanBatchActivity activity)
{
    [Function(nameof(PlanBatchActivity))]
    public Task<BatchPlan> RunAsync([ActivityTrigger] PlanBatchInput input, CancellationToken cancellationToken) =>
        activity.RunAsync(input, cancellationToken);
}
