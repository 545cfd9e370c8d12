namespace Extraction.Core.Flywheel;

/// <summary>
/// One fine-tuning job and what became of it: the export it was trained on, the provider's file and job
/// ids, the candidate deployment, the gate's decision with its figures, and when it served.
/// </summary>
public sealed record ModelRecord(string Id, string Status, string ExportFolder, string BaseModel, DateTimeOffset CreatedAt)
{
    public DateTimeOffset UpdatedAt { get; init; } = CreatedAt;

    public string? TrainingFileId { get; init; }

    public string? ValidationFileId { get; init; }

    public string? JobId { get; init; }

    /// <summary>The provider's last word on the job (queued, running, succeeded …).</summary>
    public string? JobStatus { get; init; }

    public string? FineTunedModel { get; init; }

    public string? Deployment { get; init; }

    public long? TrainedTokens { get; init; }

    /// <summary>The export manifest's estimate, and what the trained tokens cost at <c>Training:PricePerMillionTrainingTokens</c>.</summary>
    public decimal EstimatedCostUsd { get; init; }

    public decimal? ActualCostUsd { get; init; }

    /// <summary>Why it failed or was refused, or who promoted or rolled it back.</summary>
    public string? Reason { get; init; }

    public GateDecision? Gate { get; init; }

    public DateTimeOffset? PromotedAt { get; init; }

    /// <summary>The deployment was deleted (a refused candidate's).</summary>
    public bool DeploymentRemoved { get; init; }

    /// <summary>Refused, and its deployment not yet deleted: the timer step deletes it.</summary>
    public bool HoldsRefusedDeployment => Status == ModelStatus.Refused && Deployment is not null && !DeploymentRemoved;

    /// <summary>Still moving through the loop: the timer step has work to do on it.</summary>
    public bool IsOpen => Status is ModelStatus.Training or ModelStatus.Deploying or ModelStatus.Evaluating;
}

/// <summary>Where a model row stands.</summary>
public static class ModelStatus
{
    /// <summary>Files uploaded, job created; the provider is training.</summary>
    public const string Training = "training";

    /// <summary>The job succeeded; its candidate deployment is being made.</summary>
    public const string Deploying = "deploying";

    /// <summary>Deployed; waiting for the gate (and its shadow sample).</summary>
    public const string Evaluating = "evaluating";

    /// <summary>The job failed or the upload was refused; <see cref="ModelRecord.Reason"/> says why.</summary>
    public const string Failed = "failed";

    /// <summary>The gate said no; its figures say why.</summary>
    public const string Refused = "refused";

    /// <summary>The gate said yes; waiting for <c>extract models promote</c> (<c>Training:Gate:AutoPromote=false</c>).</summary>
    public const string Passed = "passed";

    /// <summary>The student now.</summary>
    public const string Active = "active";

    /// <summary>Was the student until another was promoted.</summary>
    public const string Retired = "retired";

    /// <summary>Was the student until a rollback took it away.</summary>
    public const string RolledBack = "rolled_back";
}
