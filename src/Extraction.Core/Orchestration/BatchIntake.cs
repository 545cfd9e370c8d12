using System.Security.Cryptography;
using System.Text;
using Azure;
using Extraction.Core.Configuration;
using Extraction.Core.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Orchestration;

/// <summary>
/// Where every entry point hands a batch over: stage its file in blobs (if it came as a body), then
/// start one batch orchestration per partner and batch, never a second one for the same batch.
/// </summary>
public sealed class BatchIntake(
    StorageClients storage,
    ResultStore results,
    IOptions<StorageOptions> storageOptions,
    IOptions<BatchOptions> batchOptions,
    IOptions<BudgetOptions> budgetOptions,
    TimeProvider time,
    ILogger<BatchIntake> logger)
{
    public BlobLocation StagedLocation(BatchRef batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new(storageOptions.Value.BatchesContainer, $"{batch.Folder}.jsonl");
    }

    /// <summary>
    /// Stores a batch body at its staged name. A batch already staged is kept as it is: its run may be
    /// reading it, and the same batch id means the same batch.
    /// </summary>
    public async Task<BlobLocation> StageAsync(BatchRef batch, Stream content, CancellationToken cancellationToken = default)
    {
        var location = StagedLocation(batch);
        var blob = storage.Blob(location);
        try
        {
            if (!await blob.ExistsAsync(cancellationToken).ConfigureAwait(false))
            {
                await blob.UploadAsync(content, overwrite: false, cancellationToken).ConfigureAwait(false);
                return location;
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Staged by a concurrent request between the check and the upload: same batch, keep it.
        }

        logger.LogInformation("Batch {Partner}/{BatchId} was staged before; keeping that file", batch.Partner, batch.BatchId);
        return location;
    }

    /// <summary>The blob dropped at <c>incoming/{partner}/{name}</c>.</summary>
    public BlobLocation IncomingLocation(string partner, string name) => new(storageOptions.Value.IncomingContainer, $"{partner}/{name}");

    /// <summary>
    /// One run per blob content: the batch id comes from the blob's name and version (ETag), so a
    /// re-fired trigger finds the run it started, a new upload under the same name is a new batch, and
    /// a blob whose batch already has results (the mark of a processed blob) is not redone.
    /// </summary>
    public async Task<(UploadOutcome Outcome, BatchRef? Batch)> AcceptUploadAsync(DurableTaskClient client, string partner, string name, CancellationToken cancellationToken = default)
    {
        if (!BatchRef.IsValidPartner(partner))
        {
            return (UploadOutcome.NotAPartner, null);
        }

        var source = IncomingLocation(partner, name);
        var properties = await storage.Blob(source).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var batch = BatchRef.Create(partner, BatchIdForUpload(name, properties.Value.ETag.ToString()));
        if (await results.AnyAsync(batch, cancellationToken).ConfigureAwait(false))
        {
            return (UploadOutcome.AlreadyProcessed, batch);
        }

        var started = await StartAsync(client, batch, source, cancellationToken: cancellationToken).ConfigureAwait(false);
        return (started.IsNew ? UploadOutcome.Started : UploadOutcome.AlreadyRunning, batch);
    }

    /// <summary>The batch id of one version of an uploaded blob: a readable name, then a hash of the ETag.</summary>
    public static string BatchIdForUpload(string name, string etag)
    {
        var readable = BatchIdFromBlobName(name);
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(etag)))[..12];
        return $"{readable[..Math.Min(readable.Length, 87)]}-{version}";
    }

    /// <param name="limits">The batch's own budget and deadline, where it has them.</param>
    public async Task<StartedBatch> StartAsync(
        DurableTaskClient client, BatchRef batch, BlobLocation source, BatchLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instanceId = BatchInput.InstanceIdFor(batch);
        if (await IsLiveAsync(client, instanceId, cancellationToken).ConfigureAwait(false))
        {
            return new StartedBatch(batch, instanceId, IsNew: false);
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(BatchOrchestrator),
                BatchInput.Create(batch, source, batchOptions.Value, limits?.MaxCostUsd,
                    (limits?.Deadline ?? time.GetUtcNow().AddMinutes(budgetOptions.Value.BatchDeadlineMinutes)).UtcDateTime),
                new StartOrchestrationOptions(instanceId),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Another trigger may have won the race for this batch: then that run is the one.
            if (await IsLiveAsync(client, instanceId, cancellationToken).ConfigureAwait(false))
            {
                return new StartedBatch(batch, instanceId, IsNew: false);
            }

            throw;
        }

        logger.LogInformation("Started batch {Partner}/{BatchId} as {InstanceId}", batch.Partner, batch.BatchId, instanceId);
        return new StartedBatch(batch, instanceId, IsNew: true);
    }

    /// <summary>
    /// A batch id from a blob name: the name itself where it is a valid id, else a readable prefix
    /// plus a hash of the whole name, so distinct names never share a batch.
    /// </summary>
    public static string BatchIdFromBlobName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (BatchRef.IsValidBatchId(name))
        {
            return name;
        }

        var readable = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-').Take(80).ToArray());
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..16];
        return $"{readable}-{hash}";
    }

    /// <summary>Live means running, pending, suspended or completed: anything but a run that ended badly.</summary>
    private static async Task<bool> IsLiveAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        var existing = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        return existing is not null
            && existing.RuntimeStatus is not (OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated);
    }
}
