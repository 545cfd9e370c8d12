using Extraction.Core.Activities;
using Extraction.Core.Orchestration;
using Microsoft.Azure.Functions.Worker;

namespace Extraction.Functions.Activities;

public sealed class ExtractAccountFunction(ExtractAccountActivity activity)
{
    [Function(nameof(ExtractAccountActivity))]
    public Task<AccountOutcome> RunAsync([ActivityTrigger] ExtractAccountInput input, CancellationToken cancellationToken) =>
        activity.RunAsync(input, cancellationToken);
}
