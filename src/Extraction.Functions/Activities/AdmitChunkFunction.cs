using Extraction.Core.Activities;
using Extraction.Core.Orchestration;
using Microsoft.Azure.Functions.Worker;

namespace Extraction.Functions.Activities;

public sealed class AdmitChunkFunction(AdmitChunkActivity activity)
{
    [Function(nameof(AdmitChunkActivity))]
    public Task<ChunkAdmission> RunAsync([ActivityTrigger] AdmitChunkInput input, CancellationToken cancellationToken) =>
        activity.RunAsync(input, cancellationToken);
}
