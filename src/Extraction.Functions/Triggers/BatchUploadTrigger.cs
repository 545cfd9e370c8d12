using Azure.Storage.Blobs;
using Extraction.Core.Orchestration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Extraction.Functions.Triggers;

/// <summary>
/// A partner drops a batch.v1 file at <c>incoming/{partner}/{name}</c>: start its batch, once per blob
/// version. A re-fire, a restart or a duplicate event finds the run or results already there; a file
/// that is not UTF-8 JSON Lines fails its batch with a reason (planning checks it) instead of looping.
/// </summary>
public sealed class BatchUploadTrigger(BatchIntake intake, ILogger<BatchUploadTrigger> logger)
{
    [Function(nameof(BatchUploadTrigger))]
    public async Task RunAsync(
        [BlobTrigger("incoming/{partner}/{name}")] BlobClient blob,
        string partner,
        string name,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var (outcome, batch) = await intake.AcceptUploadAsync(client, partner, name, cancellationToken);
        logger.LogInformation("Upload for partner folder {Partner}: {Outcome} (batch {BatchId})", batch?.Partner ?? "(not a partner id)", outcome, batch?.BatchId);
    }
}
