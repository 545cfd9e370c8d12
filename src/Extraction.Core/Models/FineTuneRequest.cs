namespace Extraction.Core.Models;

public sealed record FineTuneRequest(
    string BaseModel, string TrainingFileId, string? ValidationFileId, string Suffix, int Epochs, int? BatchSize, double? LearningRateMultiplier);
