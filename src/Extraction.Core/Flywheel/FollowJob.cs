using Extraction.Core.Configuration;
using Extraction.Core.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Flywheel;

/// <summary>
/// <see cref="ModelState.Training"/>: reads the provider's job; a finished one names its fine-tuned model and the
/// candidate deployment to make (<see cref="ModelState.Deploying"/>), a failed or forgotten one ends the row.
/// </summary>
[Singleton(As = typeof(IModelStep))]
public sealed class FollowJob(IFineTuningClient fineTuning, ModelRegistry registry, IOptions<TrainingOptions> options, ILogger<FollowJob> logger) : IModelStep
{
    public ModelState From => ModelState.Training;

    public async Task<ModelRecord> RunAsync(ModelRecord record, CancellationToken cancellationToken)
    {
        FineTuneJobState job;
        try
        {
            job = await fineTuning.GetJobAsync(record.JobId!, cancellationToken).ConfigureAwait(false);
        }
        catch (FineTuningException ex) when (ex.Status == 404)
        {
            return await registry.MoveAsync(record, record with { Status = ModelState.Failed, Reason = $"The provider no longer knows job {record.JobId}: {ex.Message}" }, cancellationToken).ConfigureAwait(false);
        }
        catch (FineTuningException ex)
        {
            logger.LogWarning("Job {JobId} of model {ModelId} could not be read; next tick tries again: {Reason}", record.JobId, record.Id, ex.Message);
            return record;
        }

        var read = record with { JobStatus = job.Status, TrainedTokens = job.TrainedTokens ?? record.TrainedTokens };
        var settings = options.Value;
        var next = job switch
        {
            { Failed: true } => read with { Status = ModelState.Failed, Reason = job.Error ?? $"The job ended {job.Status} without a reason." },
            { Succeeded: true, FineTunedModel: { } model } => read with
            {
                Status = ModelState.Deploying,
                FineTunedModel = model,
                Deployment = DeploymentName(settings.DeploymentPrefix, job.JobId),
                ActualCostUsd = job.TrainedTokens is { } trained ? Math.Round(trained * settings.PricePerMillionTrainingTokens / 1_000_000m, 4) : null,
            },
            _ => read,
        };
        return await registry.MoveAsync(record, next, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The prefix and the job id, in the characters and length a deployment name allows.</summary>
    public static string DeploymentName(string prefix, string jobId)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(jobId);
        var name = prefix + new string([.. jobId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]);
        return name.Length <= 64 ? name : name[..64];
    }
}
