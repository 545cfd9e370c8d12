using Extraction.Core.Activities;
using Extraction.Core.Orchestration;
using Microsoft.Azure.Functions.Worker;

namespace Extraction.Functions.Activities;

public sealed class RecordFailureFunction(RecordFailureActivity activity)
{
    [Function(nameof(RecordFailureActivity))]
    public Task<AccountOutcome> RunAsync([ActivityTrigger] RecordFailureInput input, CancellationToken cancellationToken) =>
        activity.RunAsync(input, cancellationToken);
}
