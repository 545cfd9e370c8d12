using Extraction.Core.Activities;
using Extraction.Core.Orchestration;
using Microsoft.Azure.Functions.Worker;

namespace Extraction.Functions.Activities;

public sealed class CompleteBatchFunction(CompleteBatchActivity activity)
{
    [Function(nameof(CompleteBatchActivity))]
    public Task<bool> RunAsync([ActivityTrigger] CompleteBatchInput input, CancellationToken cancellationToken) =>
        activity.RunAsync(input, cancellationToken);
}
