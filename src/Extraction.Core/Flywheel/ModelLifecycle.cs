using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Models;
using Extraction.Core.Storage;
using Extraction.Core.Training;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Flywheel;

/// <summary>
/// The retraining loop, one step at a time, each step recorded in the models table before the next:
/// an export's files uploaded and a fine-tuning job created (<see cref="StartAsync"/>); on each timer tick
/// (<see cref="AdvanceAsync(CancellationToken)"/>) a finished job becomes a candidate deployment, the candidate is gated on
/// the gold set, and one that passes is promoted; <see cref="PromoteAsync"/> and <see cref="RollbackAsync"/>
/// move the student pointer, which every instance reads within <c>Model:ActiveCacheSeconds</c>.
/// </summary>
[Singleton]
public sealed class ModelLifecycle(
    ModelRegistry registry,
    IFineTuningClient fineTuning,
    IModelDeployments deployments,
    EvaluationGate gate,
    ShadowLedger shadow,
    StorageClients storage,
    IOptions<StorageOptions> storageOptions,
    IOptions<TrainingOptions> options,
    IOptions<ModelOptions> modelOptions,
    TimeProvider time,
    ILogger<ModelLifecycle> logger)
{
    private const int PointerTries = 5;

    /// <summary>Students a rollback can return to; older ones drop off the pointer row (a table property holds 64 KiB).</summary>
    private const int HistoryKept = 20;

    /// <summary>Uploads an export's train and validation files and creates the job; the newest export when <paramref name="exportFolder"/> is null.</summary>
    public async Task<ModelRecord> StartAsync(string? exportFolder = null, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!settings.FineTunes)
        {
            throw new InvalidOperationException("Training:BaseModel is not set: there is no model to fine-tune from.");
        }

        var container = storage.Container(storageOptions.Value.TrainingContainer);
        var folder = exportFolder ?? await NewestExportAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"No export in the {container.Name} container yet: run the export first (extract export-training).");
        ExportManifest manifest;
        try
        {
            var json = await container.GetBlobClient($"{folder}/manifest.json").DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            manifest = JsonSerializer.Deserialize<ExportManifest>(json.Value.Content.ToString(), ContractJson.Options)
                ?? throw new InvalidDataException($"{folder}/manifest.json is empty.");
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new InvalidOperationException($"No export {folder}: {container.Name}/{folder}/manifest.json does not exist.", ex);
        }

        var baseModel = await BaseModelAsync(cancellationToken).ConfigureAwait(false);
        var record = new ModelRecord(NewId(), ModelStatus.Training, folder, baseModel, time.GetUtcNow()) { EstimatedCostUsd = manifest.EstimatedTrainingCostUsd };
        var train = manifest.Files.Where(f => f.Split == "train").ToList();
        var validation = manifest.Files.Where(f => f.Split == "validation").ToList();
        string? problem = train.Count switch
        {
            0 => $"the export {folder} has no train file ({string.Join(" ", manifest.Notes)})",
            > 1 => $"the export {folder} has {train.Count} train files and a job takes one (raise Training:MaxFileBytes or export a shorter window)",
            _ => null,
        };
        if (problem is not null)
        {
            return await SaveAsync(record with { Status = ModelStatus.Failed, Reason = $"Not started: {problem}." }, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var trainId = await UploadAsync(container, train[0], cancellationToken).ConfigureAwait(false);
            var validationId = validation.Count == 1 ? await UploadAsync(container, validation[0], cancellationToken).ConfigureAwait(false) : null;
            record = record with { TrainingFileId = trainId, ValidationFileId = validationId };
            var jobId = await fineTuning.CreateJobAsync(
                new FineTuneRequest(baseModel, trainId, validationId, settings.Suffix, settings.Epochs, settings.BatchSize, settings.LearningRateMultiplier),
                cancellationToken).ConfigureAwait(false);
            record = record with { JobId = jobId, JobStatus = "created" };
            logger.LogInformation("Fine-tuning job {JobId} on {BaseModel} started from export {Folder} as model {ModelId}", jobId, baseModel, folder, record.Id);
        }
        catch (FineTuningException ex)
        {
            record = record with { Status = ModelStatus.Failed, Reason = ex.Message };
            logger.LogWarning("Fine-tuning from export {Folder} could not start: {Reason}", folder, ex.Message);
        }

        return await SaveAsync(record, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The timer step: every open model as far along as it can go now (job → deployment → gate → promotion).</summary>
    public async Task<List<ModelRecord>> AdvanceAsync(CancellationToken cancellationToken = default)
    {
        var autoPromote = options.Value.Gate.AutoPromote;
        var open = (await registry.ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(r => r.IsOpen || (autoPromote && r.Status == ModelStatus.Passed) || r.HoldsRefusedDeployment)
            .OrderBy(r => r.CreatedAt)
            .ToList();
        var moved = new List<ModelRecord>();
        foreach (var record in open)
        {
            try
            {
                moved.Add(await AdvanceAsync(record, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One model's trouble (ARM unreachable, storage away) must not stop the others; its row keeps
                // the last step it finished, so the next tick carries on from there.
                logger.LogError(ex, "Model {ModelId} could not move on from {Status}; the next tick tries again", record.Id, record.Status);
                moved.Add(record);
            }
        }

        // One candidate at a time answers in the shadow: the oldest still waiting for its gate.
        var shadow = moved.FirstOrDefault(r => r.Status == ModelStatus.Evaluating)?.Deployment;
        await MovePointerAsync(a => a.Shadow == shadow ? a : a with { Shadow = shadow }, cancellationToken).ConfigureAwait(false);
        return moved;
    }

    public async Task<ModelRecord> PromoteAsync(string id, string by, CancellationToken cancellationToken = default)
    {
        var record = await registry.GetAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new KeyNotFoundException($"No model {id}.");
        if (record.Status == ModelStatus.Active)
        {
            return record;
        }

        if (record.Status is not (ModelStatus.Passed or ModelStatus.Retired or ModelStatus.RolledBack) || record.Deployment is null || record.FineTunedModel is null)
        {
            throw new InvalidOperationException($"Model {id} is {record.Status}: only a model that passed the gate, or served before, can be promoted.");
        }

        // Its deployment again (an idempotent PUT): a retired one may have been deleted since it served.
        await deployments.DeployAsync(record.Deployment, record.FineTunedModel, cancellationToken).ConfigureAwait(false);
        var before = await MovePointerAsync(active => active.ModelId == record.Id ? active : active with
        {
            ModelId = record.Id,
            Deployment = record.Deployment,
            Shadow = active.Shadow == record.Deployment ? null : active.Shadow,
            History = [.. active.History.TakeLast(HistoryKept - 1), new PreviousStudent(active.ModelId, active.Deployment)],
        }, cancellationToken).ConfigureAwait(false);
        if (before.ModelId != record.Id)
        {
            await SetStatusAsync(before.ModelId, ModelStatus.Retired, $"Replaced by {record.Id} ({by}).", cancellationToken).ConfigureAwait(false);
        }

        logger.LogInformation("Model {ModelId} ({Deployment}) promoted by {By}; it replaces {Previous}", record.Id, record.Deployment, by, before.Deployment);
        var promoted = await SaveAsync(record with { Status = ModelStatus.Active, PromotedAt = time.GetUtcNow(), Reason = $"Promoted by {by}." }, cancellationToken).ConfigureAwait(false);
        return await AgreeWithPointerAsync(promoted, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Makes the student before the current one the student again.</summary>
    public async Task<ActiveStudentRow> RollbackAsync(string by, CancellationToken cancellationToken = default)
    {
        var current = await registry.ActiveAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (current.History.Count > 0 && current.History[^1].ModelId is { } previousId
            && await registry.GetAsync(previousId, cancellationToken).ConfigureAwait(false) is { Deployment: { } deployment, FineTunedModel: { } model })
        {
            await deployments.DeployAsync(deployment, model, cancellationToken).ConfigureAwait(false);
        }

        var before = await MovePointerAsync(active => active.History.Count == 0
            ? throw new InvalidOperationException($"Nothing to roll back to: {active.Deployment} is the first student.")
            : active with { ModelId = active.History[^1].ModelId, Deployment = active.History[^1].Deployment, History = [.. active.History.Take(active.History.Count - 1)] },
            cancellationToken).ConfigureAwait(false);
        var restored = before.History[^1];
        await SetStatusAsync(before.ModelId, ModelStatus.RolledBack, $"Rolled back by {by}.", cancellationToken).ConfigureAwait(false);
        await SetStatusAsync(restored.ModelId, ModelStatus.Active, $"Restored by a rollback ({by}).", cancellationToken).ConfigureAwait(false);
        logger.LogWarning("Rolled back by {By}: the student is {Deployment} again (was {Previous})", by, restored.Deployment, before.Deployment);
        return await registry.ActiveAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task<ModelRecord> AdvanceAsync(ModelRecord record, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (record.HoldsRefusedDeployment)
        {
            return await RemoveRefusedDeploymentAsync(record, cancellationToken).ConfigureAwait(false);
        }

        if (record.Status == ModelStatus.Passed)
        {
            // Passed, but its promotion did not finish (the pointer or a row write failed): try again.
            return await PromoteAsync(record.Id, "the evaluation gate", cancellationToken).ConfigureAwait(false);
        }

        if (record.Status == ModelStatus.Training)
        {
            FineTuneJobState job;
            try
            {
                job = await fineTuning.GetJobAsync(record.JobId!, cancellationToken).ConfigureAwait(false);
            }
            catch (FineTuningException ex) when (ex.Status == 404)
            {
                return await SaveAsync(record with { Status = ModelStatus.Failed, Reason = $"The provider no longer knows job {record.JobId}: {ex.Message}" }, cancellationToken).ConfigureAwait(false);
            }
            catch (FineTuningException ex)
            {
                logger.LogWarning("Job {JobId} of model {ModelId} could not be read; next tick tries again: {Reason}", record.JobId, record.Id, ex.Message);
                return record;
            }

            record = record with { JobStatus = job.Status, TrainedTokens = job.TrainedTokens ?? record.TrainedTokens };
            if (job.Failed)
            {
                return await SaveAsync(record with { Status = ModelStatus.Failed, Reason = job.Error ?? $"The job ended {job.Status} without a reason." }, cancellationToken).ConfigureAwait(false);
            }

            if (!job.Succeeded || job.FineTunedModel is null)
            {
                return await SaveAsync(record, cancellationToken).ConfigureAwait(false);
            }

            record = await SaveAsync(record with
            {
                Status = ModelStatus.Deploying,
                FineTunedModel = job.FineTunedModel,
                Deployment = DeploymentName(settings.DeploymentPrefix, job.JobId),
                ActualCostUsd = job.TrainedTokens is { } trained ? Math.Round(trained * settings.PricePerMillionTrainingTokens / 1_000_000m, 4) : null,
            }, cancellationToken).ConfigureAwait(false);
        }

        if (record.Status == ModelStatus.Deploying)
        {
            try
            {
                await deployments.DeployAsync(record.Deployment!, record.FineTunedModel!, cancellationToken).ConfigureAwait(false);
            }
            catch (FineTuningException ex)
            {
                return await SaveAsync(record with { Status = ModelStatus.Failed, Reason = ex.Message }, cancellationToken).ConfigureAwait(false);
            }

            // Its UpdatedAt now marks when it began to wait for its gate (waiting writes nothing).
            record = await SaveAsync(record with { Status = ModelStatus.Evaluating }, cancellationToken).ConfigureAwait(false);
        }

        if (record.Status == ModelStatus.Evaluating)
        {
            if (await WaitsForShadowAsync(record, cancellationToken).ConfigureAwait(false))
            {
                return record;
            }

            var active = await registry.ActiveAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var decision = await gate.DecideAsync(record.Id, active.Deployment, record.Deployment!, cancellationToken).ConfigureAwait(false);
            record = await SaveAsync(record with
            {
                Gate = decision,
                Status = decision.Passed ? ModelStatus.Passed : ModelStatus.Refused,
                Reason = decision.Passed ? null : $"The gate refused it: {string.Join("; ", decision.Reasons)}.",
            }, cancellationToken).ConfigureAwait(false);
            if (!decision.Passed)
            {
                return await RemoveRefusedDeploymentAsync(record, cancellationToken).ConfigureAwait(false);
            }

            if (decision.Passed && settings.Gate.AutoPromote)
            {
                record = await PromoteAsync(record.Id, "the evaluation gate", cancellationToken).ConfigureAwait(false);
            }
        }

        return record;
    }

    /// <summary>
    /// A refused candidate's figures stay on its row; its deployment (and the quota and hosting it costs) goes.
    /// Recorded on the row once done, so a delete that failed (a throttle, ARM away) is tried on the next tick.
    /// </summary>
    private async Task<ModelRecord> RemoveRefusedDeploymentAsync(ModelRecord record, CancellationToken cancellationToken)
    {
        await deployments.DeleteAsync(record.Deployment!, cancellationToken).ConfigureAwait(false);
        return await SaveAsync(record with { DeploymentRemoved = true }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether the gate should wait for more shadow answers: only while the shadow can run at all (sampling on,
    /// no fixed <c>Model:Shadow:Deployment</c>), the candidate has fewer than <c>Training:Gate:MinShadowAccounts</c>,
    /// and it has waited less than <c>MaxShadowWaitMinutes</c> (one candidate is shadowed at a time, the oldest).
    /// </summary>
    private async Task<bool> WaitsForShadowAsync(ModelRecord record, CancellationToken cancellationToken)
    {
        var gate = options.Value.Gate;
        var shadowSettings = modelOptions.Value.Shadow;
        if (gate.MinShadowAccounts == 0 || shadowSettings.SampleRate <= 0 || !string.IsNullOrWhiteSpace(shadowSettings.Deployment)
            || time.GetUtcNow() - record.UpdatedAt > TimeSpan.FromMinutes(gate.MaxShadowWaitMinutes))
        {
            return false;
        }

        var answered = (await shadow.AgreementAsync(record.Deployment!, cancellationToken).ConfigureAwait(false))?.Accounts ?? 0;
        return answered < gate.MinShadowAccounts;
    }

    /// <summary>
    /// The pointer is the truth about who serves: after a promotion raced with another, a row that says
    /// <c>active</c> but is not the pointer's model is retired.
    /// </summary>
    private async Task<ModelRecord> AgreeWithPointerAsync(ModelRecord record, CancellationToken cancellationToken)
    {
        var active = await registry.ActiveAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return active.ModelId == record.Id
            ? record
            : await SaveAsync(record with { Status = ModelStatus.Retired, Reason = $"Replaced by {active.ModelId ?? active.Deployment} while it was being promoted." }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The active fine-tuned model (so each job builds on the last), or <c>Training:BaseModel</c>.</summary>
    private async Task<string> BaseModelAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.ContinueFromActive && (await registry.ActiveAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).ModelId is { } activeId
            && await registry.GetAsync(activeId, cancellationToken).ConfigureAwait(false) is { FineTunedModel: { } fineTuned })
        {
            return fineTuned;
        }

        return settings.BaseModel!;
    }

    /// <summary>Applies <paramref name="change"/> to the pointer with If-Match, reading again when someone else moved it; returns the pointer as it was.</summary>
    private async Task<ActiveStudentRow> MovePointerAsync(Func<ActiveStudentRow, ActiveStudentRow> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var active = await registry.ActiveAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var next = change(active);
            if (next == active || await registry.TryReplaceActiveAsync(active, next, cancellationToken).ConfigureAwait(false))
            {
                return active;
            }

            if (attempt >= PointerTries)
            {
                throw new InvalidOperationException($"The student pointer kept changing under this update ({PointerTries} tries); try again.");
            }
        }
    }

    private async Task SetStatusAsync(string? id, string status, string reason, CancellationToken cancellationToken)
    {
        if (id is not null && await registry.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } record)
        {
            await SaveAsync(record with { Status = status, Reason = reason, PromotedAt = status == ModelStatus.Active ? time.GetUtcNow() : record.PromotedAt }, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ModelRecord> SaveAsync(ModelRecord record, CancellationToken cancellationToken)
    {
        await registry.SaveAsync(record, cancellationToken).ConfigureAwait(false);
        return record;
    }

    private async Task<string> UploadAsync(Azure.Storage.Blobs.BlobContainerClient container, ExportFile file, CancellationToken cancellationToken)
    {
        var name = file.Path.StartsWith(container.Name + "/", StringComparison.Ordinal) ? file.Path[(container.Name.Length + 1)..] : file.Path;
        await using var content = await container.GetBlobClient(name).OpenReadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return await fineTuning.UploadAsync(name.Replace('/', '_'), content, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Export folders are named by their window, so the last name is the newest export.</summary>
    private async Task<string?> NewestExportAsync(CancellationToken cancellationToken)
    {
        string? newest = null;
        await foreach (var blob in storage.Container(storageOptions.Value.TrainingContainer).GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (blob.Name.EndsWith("/manifest.json", StringComparison.Ordinal))
            {
                var folder = blob.Name[..^"/manifest.json".Length];
                newest = newest is null || string.CompareOrdinal(folder, newest) > 0 ? folder : newest;
            }
        }

        return newest;
    }

    private string NewId() =>
        $"ft-{time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}";

    /// <summary>The prefix and the job id, in the characters and length a deployment name allows.</summary>
    public static string DeploymentName(string prefix, string jobId)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(jobId);
        var name = prefix + new string([.. jobId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]);
        return name.Length <= 64 ? name : name[..64];
    }
}
