namespace Extraction.Core.Flywheel;

/// <summary>
/// One fine-tuning job and what became of it: the export it was trained on, the provider's file and job
/// ids, the candidate deployment, the gate's decision with its figures, and when it served.
/// </summary>
public sealed record ModelRecord(string Id, ModelState Status, string ExportFolder, string BaseModel, DateTimeOffset CreatedAt)
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
    public bool HoldsRefusedDeployment => Status == ModelState.Refused && Deployment is not null && !DeploymentRemoved;
}
