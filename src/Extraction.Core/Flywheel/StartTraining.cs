using System.Globalization;
using System.Security.Cryptography;
using Extraction.Core.Configuration;
using Extraction.Core.Models;
using Extraction.Core.Training;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Flywheel;

/// <summary>
/// A new row from an export: its train and validation files uploaded and the fine-tuning job created
/// (<see cref="ModelState.Training"/>), or <see cref="ModelState.Failed"/> with the reason it could not start.
/// </summary>
[Singleton]
public sealed class StartTraining(
    ExportedFolders exports,
    IFineTuningClient fineTuning,
    ModelRegistry registry,
    StudentPointer student,
    IOptions<TrainingOptions> options,
    TimeProvider time,
    ILogger<StartTraining> logger)
{
    /// <summary>From <paramref name="exportFolder"/>, or the newest export when it is null.</summary>
    public async Task<ModelRecord> RunAsync(string? exportFolder, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.FineTunes)
        {
            throw new InvalidOperationException("Training:BaseModel is not set: there is no model to fine-tune from.");
        }

        var folder = exportFolder ?? await exports.NewestOrThrowAsync(cancellationToken).ConfigureAwait(false);
        var manifest = await exports.ManifestAsync(folder, cancellationToken).ConfigureAwait(false);
        var baseModel = await BaseModelAsync(cancellationToken).ConfigureAwait(false);
        var record = new ModelRecord(NewId(), ModelState.Training, folder, baseModel, time.GetUtcNow()) { EstimatedCostUsd = manifest.EstimatedTrainingCostUsd };
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
            return await registry.AddAsync(record with { Status = ModelState.Failed, Reason = $"Not started: {problem}." }, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var trainId = await UploadAsync(train[0], cancellationToken).ConfigureAwait(false);
            var validationId = validation.Count == 1 ? await UploadAsync(validation[0], cancellationToken).ConfigureAwait(false) : null;
            record = record with { TrainingFileId = trainId, ValidationFileId = validationId };
            var jobId = await fineTuning.CreateJobAsync(
                new FineTuneRequest(baseModel, trainId, validationId, settings.Suffix, settings.Epochs, settings.BatchSize, settings.LearningRateMultiplier),
                cancellationToken).ConfigureAwait(false);
            record = record with { JobId = jobId, JobStatus = "created" };
            logger.LogInformation("Fine-tuning job {JobId} on {BaseModel} started from export {Folder} as model {ModelId}", jobId, baseModel, folder, record.Id);
        }
        catch (FineTuningException ex)
        {
            record = record with { Status = ModelState.Failed, Reason = ex.Message };
            logger.LogWarning("Fine-tuning from export {Folder} could not start: {Reason}", folder, ex.Message);
        }

        return await registry.AddAsync(record, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The active fine-tuned model (so each job builds on the last), or <c>Training:BaseModel</c>.</summary>
    private async Task<string> BaseModelAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.ContinueFromActive && (await student.ReadAsync(cancellationToken).ConfigureAwait(false)).ModelId is { } activeId
            && await registry.GetAsync(activeId, cancellationToken).ConfigureAwait(false) is { FineTunedModel: { } fineTuned })
        {
            return fineTuned;
        }

        return settings.BaseModel!;
    }

    private async Task<string> UploadAsync(ExportFile file, CancellationToken cancellationToken)
    {
        var (name, content) = await exports.OpenAsync(file, cancellationToken).ConfigureAwait(false);
        await using (content.ConfigureAwait(false))
        {
            return await fineTuning.UploadAsync(name, content, cancellationToken).ConfigureAwait(false);
        }
    }

    private string NewId() =>
        $"ft-{time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}";
}
