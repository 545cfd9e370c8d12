using System.ComponentModel.DataAnnotations;

namespace Extraction.Core.Configuration;

/// <summary>The retraining export. Section <c>Training</c>.</summary>
public sealed class TrainingOptions
{
    public const string Section = "Training";

    /// <summary>NCRONTAB schedule of the timer trigger (the Functions app reads it as <c>%Training:Schedule%</c>).</summary>
    [Required]
    public string Schedule { get; set; } = "0 0 3 * * *";

    /// <summary>Share of documents that go to the validation file, by document hash.</summary>
    [Range(0, 50)]
    public int ValidationPercent { get; set; } = 10;

    /// <summary>Examples longer than this (o200k tokens, chat overhead included) are skipped.</summary>
    [Range(256, 1_000_000)]
    public int MaxTokensPerExample { get; set; } = 65_536;

    /// <summary>Files are split into parts below this size (Azure OpenAI takes up to 512 MB per file).</summary>
    [Range(1_024, 512L * 1024 * 1024 - 1)]
    public long MaxFileBytes { get; set; } = 500L * 1024 * 1024;

    /// <summary>A file with fewer examples is not written (Azure OpenAI needs at least 10).</summary>
    [Range(1, 1_000)]
    public int MinExamplesPerFile { get; set; } = 10;

    /// <summary>For the manifest's cost estimate: USD per million training tokens, and epochs.</summary>
    [Range(0, 1_000)]
    public decimal PricePerMillionTrainingTokens { get; set; } = 3.30m;

    [Range(1, 50)]
    public int Epochs { get; set; } = 3;
}
