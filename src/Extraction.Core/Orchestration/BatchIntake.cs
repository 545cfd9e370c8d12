using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
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
[Singleton]
public sealed class BatchIntake(
    StorageClients storage,
    ResultStore results,
    IOptions<StorageOptions> storageOptions,
    IOptions<BatchOptions> batchOptions,
    IOptions<BudgetOptions> budgetOptions,
    TimeProvider time,
    ILogger<BatchIntake> logger)
{
    /// <summary>How long a start claim holds before another request may take it over.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromSeconds(30);

    private const string ContentHashKey = "sha256";

    private static readonly TimeSpan ClaimPollInterval = TimeSpan.FromMilliseconds(200);

    public BlobLocation StagedLocation(BatchRef batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new(storageOptions.Value.BatchesContainer, $"{batch.Folder}.jsonl");
    }

    /// <summary>
    /// Stores a batch body at its staged name, with the SHA-256 of its content. A batch already staged is
    /// kept as it is (its run may be reading it): the same batch id means the same batch — and a different
    /// content under that id is a conflict the caller must refuse, never a silent answer with the first batch.
    /// </summary>
    public async Task<StagedSource> StageAsync(BatchRef batch, Stream content, string contentSha256, CancellationToken cancellationToken = default)
    {
        var location = StagedLocation(batch);
        var blob = storage.Blob(location);
        try
        {
            await blob.UploadAsync(content, new BlobUploadOptions
            {
                Metadata = new Dictionary<string, string> { [ContentHashKey] = contentSha256 },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken).ConfigureAwait(false);
            return new StagedSource(location, SameAsEarlier: true);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Staged before, or by a concurrent request between our check and upload: compare what it holds.
        }

        var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var same = !properties.Value.Metadata.TryGetValue(ContentHashKey, out var earlier) || earlier == contentSha256;
        logger.LogInformation("Batch {Partner}/{BatchId} was staged before ({Same})", batch.Partner, batch.BatchId, same ? "same content" : "different content");
        return new StagedSource(location, same);
    }

    /// <summary>The SHA-256 (hex) of a batch's content as staged.</summary>
    public static async Task<string> HashAsync(Stream content, CancellationToken cancellationToken = default) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken).ConfigureAwait(false));

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
        var batch = new BatchRef(partner, BatchIdForUpload(name, properties.Value.ETag.ToString()));
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

    /// <summary>
    /// Starts the batch's orchestration unless a run of it is live. Two requests for one batch at once must
    /// not both schedule it (the engine would get two start events for one instance and never run it), so
    /// the right to schedule is a start claim created atomically in blob storage: one request wins, the
    /// others wait for the run it starts. A claim names the run it replaces, so a failed run can be started
    /// again; a claim whose owner died before scheduling is taken over after <see cref="ClaimTimeout"/>.
    /// </summary>
    /// <param name="limits">The batch's own budget and deadline, where it has them.</param>
    public async Task<StartedBatch> StartAsync(
        DurableTaskClient client, BatchRef batch, BlobLocation source, BatchLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(batch);
        var instanceId = BatchInput.InstanceIdFor(batch);
        var claimBlob = storage.Blob(new BlobLocation(storageOptions.Value.WorkContainer, $"{batch.Folder}/start-claim.json"));
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var existing = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
            if (IsLive(existing))
            {
                return new StartedBatch(batch, instanceId, IsNew: false);
            }

            var replaces = existing?.CreatedAt.ToString("O", CultureInfo.InvariantCulture) ?? "";
            var (state, mine, etag) = await TryClaimAsync(client, instanceId, claimBlob, replaces, cancellationToken).ConfigureAwait(false);
            if (state == ClaimState.RunIsLive)
            {
                continue; // the claim's run was scheduled since the instance was read: answer with it
            }

            if (state == ClaimState.Claimed)
            {
                await ScheduleAsync(client, batch, source, limits, instanceId, claimBlob, mine!, etag, cancellationToken).ConfigureAwait(false);
                break;
            }

            if (waited.Elapsed > ClaimTimeout * 2)
            {
                throw new TimeoutException($"Batch {batch.Partner}/{batch.BatchId} was being started by another request that neither finished nor gave up within {ClaimTimeout.TotalSeconds * 2:N0} s.");
            }

            await Task.Delay(ClaimPollInterval, cancellationToken).ConfigureAwait(false);
        }

        logger.LogInformation("Started batch {Partner}/{BatchId} as {InstanceId}", batch.Partner, batch.BatchId, instanceId);
        return new StartedBatch(batch, instanceId, IsNew: true);
    }

    private async Task ScheduleAsync(
        DurableTaskClient client, BatchRef batch, BlobLocation source, BatchLimits? limits, string instanceId, BlobClient claimBlob, StartClaim claim, ETag claimETag, CancellationToken cancellationToken)
    {
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(BatchOrchestrator),
                BatchInput.Create(batch, source, batchOptions.Value, limits?.MaxCostUsd,
                    (limits?.Deadline ?? time.GetUtcNow().AddMinutes(budgetOptions.Value.BatchDeadlineMinutes)).UtcDateTime),
                new StartOrchestrationOptions(instanceId),
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Give the claim back so the next request need not wait for it to go stale.
            await claimBlob.DeleteIfExistsAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        // Mark it used: a later start may take it as soon as this run is no longer live (an in-memory engine
        // forgets its runs when the process ends) instead of waiting for it to go stale. Best effort.
        try
        {
            await claimBlob.UploadAsync(
                BinaryData.FromObjectAsJson(claim with { Scheduled = true }),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = claimETag } },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
        }
    }

    /// <summary>
    /// Creates the claim (none yet), or replaces one that belongs to an earlier run, whose run was
    /// scheduled and is no longer live, or that went stale — each conditional on what was read.
    /// </summary>
    private async Task<(ClaimState State, StartClaim? Claim, ETag ETag)> TryClaimAsync(DurableTaskClient client, string instanceId, BlobClient claimBlob, string replaces, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var conditions = new BlobRequestConditions { IfNoneMatch = ETag.All };
        try
        {
            var current = await claimBlob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var claim = current.Value.Content.ToObjectFromJson<StartClaim>();
            if (claim is { Scheduled: true })
            {
                // Scheduled before it was marked: the instance read now shows whether that run is still going.
                if (IsLive(await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false)))
                {
                    return (ClaimState.RunIsLive, null, default);
                }
            }
            else if (claim is not null && claim.Replaces == replaces && now - claim.ClaimedAt < ClaimTimeout)
            {
                return (ClaimState.Held, null, default);
            }

            conditions = new BlobRequestConditions { IfMatch = current.Value.Details.ETag };
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }

        try
        {
            var mine = new StartClaim(replaces, now);
            var written = await claimBlob.UploadAsync(BinaryData.FromObjectAsJson(mine), new BlobUploadOptions { Conditions = conditions }, cancellationToken).ConfigureAwait(false);
            return (ClaimState.Claimed, mine, written.Value.ETag);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return (ClaimState.Held, null, default);
        }
    }

    private enum ClaimState
    {
        Claimed,
        Held,
        RunIsLive,
    }

    private sealed record StartClaim(string Replaces, DateTimeOffset ClaimedAt, bool Scheduled = false);

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
    private static bool IsLive(OrchestrationMetadata? instance) =>
        instance is not null && instance.RuntimeStatus is not (OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated);
}

/// <summary>Where a batch was staged, and whether what was there already is this same content.</summary>
public sealed record StagedSource(BlobLocation Location, bool SameAsEarlier);
