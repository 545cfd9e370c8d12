using Azure.Storage.Blobs;
using Extraction.Core.Orchestration;
using Extraction.Core.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Extraction.Functions.Triggers;

/// <summary>
/// A partner drops a batch.v1 file at <c>incoming/{partner}/{name}</c>: start its batch, once. The
/// batch id comes from the blob name, so a re-fire for the same blob finds the run already there.
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
        if (!BatchRef.IsValidPartner(partner))
        {
            logger.LogWarning("Ignored upload {Container}/{BlobName}: its folder is not a valid partner id", blob.BlobContainerName, blob.Name);
            return;
        }

        var batch = BatchRef.Create(partner, BatchIntake.BatchIdFromBlobName(name));
        await intake.StartAsync(client, batch, intake.IncomingLocation(partner, name), cancellationToken: cancellationToken);
    }
}
