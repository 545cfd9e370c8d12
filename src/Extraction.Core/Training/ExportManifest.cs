namespace Extraction.Core.Training;

/// <summary>What an export wrote and why: beside the files as manifest.json.</summary>
public sealed record ExportManifest(
    DateTimeOffset Since,
    DateTimeOffset Until,
    string PromptVersion,
    int Selected,
    IReadOnlyDictionary<string, int> SelectedBySource,
    IReadOnlyDictionary<string, int> Skipped,
    int Train,
    int Validation,
    long TrainTokens,
    long ValidationTokens,
    int Epochs,
    decimal EstimatedTrainingCostUsd,
    IReadOnlyList<ExportFile> Files,
    IReadOnlyList<string> Notes)
{
    /// <summary>Its name in the export's folder.</summary>
    public const string FileName = "manifest.json";
}
