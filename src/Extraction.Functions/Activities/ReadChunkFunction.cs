using Extraction.Core.Activities;
using Extraction.Core.Orchestration;
using Microsoft.Azure.Functions.Worker;

namespace Extraction.Functions.Activities;

public sealed class ReadChunkFunction(ReadChunkActivity activity)
{
    [Function(nameof(ReadChunkActivity))]
    public Task<ChunkWork> RunAsync([ActivityTrigger] ChunkInput input, CancellationToken cancellationToken) =>
        activity.RunAsync(input, cancellationToken);
}
