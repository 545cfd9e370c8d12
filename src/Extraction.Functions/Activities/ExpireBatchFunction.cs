using Extraction.Core.Activities;
using Extraction.Core.Orchestration;
using Microsoft.Azure.Functions.Worker;

namespace Extraction.Functions.Activities;

public sealed class ExpireBatchFunction(ExpireBatchActivity activity)
{
    [Function(nameof(ExpireBatchActivity))]
    public Task<StatusCounts> RunAsync([ActivityTrigger] ExpireBatchInput input, CancellationToken cancellationToken) =>
        activity.RunAsync(input, cancellationToken);
}
