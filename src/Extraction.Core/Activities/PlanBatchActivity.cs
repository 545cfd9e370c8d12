using Extraction.Core.Batches;
using Extraction.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Extraction.Core.Activities;

/// <summary>
/// Streams the batch blob once: bad lines become <c>invalid_input</c> rows at once, good ones are cut
/// into chunk manifests of line offsets. Idempotent: a re-run writes the same rows and manifests.
/// </summary>
public sealed class PlanBatchActivity(BatchSourceStore sources, ResultStore results, ILogger<PlanBatchActivity> logger) : IPipelineActivity<PlanBatchInput, BatchPlan>
{
    private const int InvalidFlushSize = 100;

    public async Task<BatchPlan> RunAsync(PlanBatchInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await sources.CheckReadableAsync(input.Source, cancellationToken).ConfigureAwait(false) is { } rejection)
        {
            await sources.WriteErrorAsync(input.Batch, rejection, cancellationToken).ConfigureAwait(false);
            logger.LogWarning("Rejected batch {Partner}/{BatchId}: {Rejection}", input.Batch.Partner, input.Batch.BatchId, rejection);
            return new BatchPlan(0, 0, 0, "", rejection);
        }

        var (content, etag) = await sources.OpenAsync(input.Source, cancellationToken).ConfigureAwait(false);
        int lines = 0, invalid = 0, chunks = 0;
        var chunk = new List<WorkItem>(input.ChunkSize);
        var invalidResults = new List<StoredResult>(InvalidFlushSize);
        await using (content.ConfigureAwait(false))
        {
            await foreach (var line in BatchReader.ReadAsync(content, input.MaxLineBytes, cancellationToken).ConfigureAwait(false))
            {
                lines++;
                if (line.Invalid is { } result)
                {
                    invalid++;
                    invalidResults.Add(new StoredResult(line.Number, result));
                    if (invalidResults.Count == InvalidFlushSize)
                    {
                        await results.PutManyAsync(input.Batch, invalidResults, cancellationToken).ConfigureAwait(false);
                        invalidResults.Clear();
                    }

                    continue;
                }

                chunk.Add(new WorkItem(line.Number, line.Offset, line.Length, line.Item!.AccountId));
                if (chunk.Count == input.ChunkSize)
                {
                    await sources.WriteManifestAsync(input.Batch, chunks++, chunk, cancellationToken).ConfigureAwait(false);
                    chunk = new List<WorkItem>(input.ChunkSize);
                }
            }
        }

        if (chunk.Count > 0)
        {
            await sources.WriteManifestAsync(input.Batch, chunks++, chunk, cancellationToken).ConfigureAwait(false);
        }

        await results.PutManyAsync(input.Batch, invalidResults, cancellationToken).ConfigureAwait(false);
        logger.LogInformation(
            "Planned batch {Partner}/{BatchId}: {Lines} lines, {Invalid} invalid, {Chunks} chunks",
            input.Batch.Partner, input.Batch.BatchId, lines, invalid, chunks);
        return new BatchPlan(lines, invalid, chunks, etag);
    }
}
