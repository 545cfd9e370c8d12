using Azure.Core;
using Azure.Core.Pipeline;

namespace Extraction.Core.Storage;

/// <summary>
/// Counts the requests this process sends to storage — every attempt, as each is a billed transaction —
/// by service, so a benchmark can report calls per account. A policy on the Azure SDK pipeline.
/// </summary>
public sealed class StorageCalls
{
    private long _blob;
    private long _table;

    public long Blob => Interlocked.Read(ref _blob);

    public long Table => Interlocked.Read(ref _table);

    public long Total => Blob + Table;

    internal HttpPipelinePolicy BlobPolicy => new Counting(() => Interlocked.Increment(ref _blob));

    internal HttpPipelinePolicy TablePolicy => new Counting(() => Interlocked.Increment(ref _table));

    private sealed class Counting(Action count) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => count();
    }
}
