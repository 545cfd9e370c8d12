using System.ComponentModel.DataAnnotations;

namespace Extraction.Core.Configuration;

/// <summary>
/// The retraining export and the loop around it (fine-tune, candidate deployment, evaluation gate,
/// promotion). Section <c>Training</c>. The loop is off while <see cref="BaseModel"/> is empty.
/// </summary>
public sealed class TrainingOptions : IValidatableObject
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

    /// <summary>The model fine-tuning starts from (<c>gpt-4.1-mini-2025-04-14</c>, …). Empty: exports are not fine-tuned.</summary>
    public string? BaseModel { get; set; }

    /// <summary>NCRONTAB schedule of the timer that follows open jobs, deploys, gates and promotes (<c>%Training:PollSchedule%</c>).</summary>
    [Required]
    public string PollSchedule { get; set; } = "0 */10 * * * *";

    /// <summary>Each job starts from the active fine-tuned model (so what was learnt is kept); false: always from <see cref="BaseModel"/>.</summary>
    public bool ContinueFromActive { get; set; } = true;

    /// <summary>Added to the fine-tuned model's name by the provider.</summary>
    [RegularExpression(@"\A[a-z0-9-]{1,18}\z", ErrorMessage = "Training:Suffix must be 1–18 lower-case letters, digits or hyphens.")]
    public string Suffix { get; set; } = "liability";

    /// <summary>Hyperparameters the job is created with besides <see cref="Epochs"/>; unset lets the provider choose.</summary>
    [Range(1, 256)]
    public int? BatchSize { get; set; }

    [Range(0.01, 10.0)]
    public double? LearningRateMultiplier { get; set; }

    /// <summary>A candidate's deployment is this prefix and its job id; it is priced as <c>Model:StudentDeployment</c>.</summary>
    [Required, RegularExpression(@"\A[a-zA-Z0-9][a-zA-Z0-9_.-]{0,23}\z", ErrorMessage = "Training:DeploymentPrefix must be 1–24 letters, digits, '-', '_' or '.'.")]
    public string DeploymentPrefix { get; set; } = "student-";

    /// <summary>Capacity (thousands of tokens per minute) of a candidate deployment, and its SKU.</summary>
    [Range(1, 10_000)]
    public int DeploymentCapacity { get; set; } = 10;

    [Required]
    public string DeploymentSku { get; set; } = "Standard";

    public ArmOptions Arm { get; set; } = new();

    public GateOptions Gate { get; set; } = new();

    public bool FineTunes => !string.IsNullOrWhiteSpace(BaseModel);

    /// <summary>A deployment the loop made (a candidate, or the student it became): named by <see cref="DeploymentPrefix"/>.</summary>
    public bool IsCandidate(string deployment) => deployment.StartsWith(DeploymentPrefix, StringComparison.Ordinal);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var problems = new List<ValidationResult>();
        Validator.TryValidateObject(Gate, new ValidationContext(Gate), problems, validateAllProperties: true);
        Validator.TryValidateObject(Arm, new ValidationContext(Arm), problems, validateAllProperties: true);
        foreach (var problem in problems)
        {
            yield return problem;
        }

        if (FineTunes && (string.IsNullOrWhiteSpace(Arm.SubscriptionId) || string.IsNullOrWhiteSpace(Arm.ResourceGroup) || string.IsNullOrWhiteSpace(Arm.AccountName)))
        {
            yield return new ValidationResult(
                "Training:Arm:SubscriptionId, ResourceGroup and AccountName are required when Training:BaseModel is set (candidates are deployed there).", [nameof(Arm)]);
        }
    }
}

/// <summary>Where candidate deployments are made: the Azure OpenAI account, through Azure Resource Manager. <c>Training:Arm</c>.</summary>
public sealed class ArmOptions
{
    public string? SubscriptionId { get; set; }

    public string? ResourceGroup { get; set; }

    /// <summary>The Azure OpenAI (Cognitive Services) account's name.</summary>
    public string? AccountName { get; set; }

    /// <summary>The account's region (a deployment is created there).</summary>
    [Required]
    public string Location { get; set; } = "eastus2";

    /// <summary>Azure Resource Manager; another cloud's (or a private one's) where needed.</summary>
    [Required]
    public Uri Endpoint { get; set; } = new("https://management.azure.com/");

    [Required]
    public string ApiVersion { get; set; } = "2024-10-01";

    /// <summary>
    /// A bearer token to send instead of the managed identity's (an operator's <c>az account get-access-token</c>;
    /// the emulator). Never logged.
    /// </summary>
    public string? BearerToken { get; set; }

    /// <summary>Trust this certificate (SHA-256 thumbprint) for <see cref="Endpoint"/> only: a private ARM endpoint, the emulator.</summary>
    public string? TrustedCertificateSha256 { get; set; }
}

/// <summary>What a candidate must show on the gold set before it takes traffic. <c>Training:Gate</c>.</summary>
public sealed class GateOptions
{
    /// <summary>The candidate's error among <c>extracted</c> may exceed the current student's by at most this (0.002 = 0.2 points).</summary>
    [Range(0.0, 1.0)]
    public double MaxErrorIncrease { get; set; }

    /// <summary>The candidate's own answers (before checks and teacher) may be wrong this much more often than the current student's.</summary>
    [Range(0.0, 1.0)]
    public double MaxAnswerErrorIncrease { get; set; } = 0.01;

    /// <summary>p95 latency within this many percent of the current student's, plus <see cref="LatencySlackMs"/>.</summary>
    [Range(0, 1_000)]
    public int LatencyMarginPercent { get; set; } = 20;

    /// <summary>Milliseconds of p95 that are noise, not a regression (a few ms on a quiet gold set).</summary>
    [Range(0, 60_000)]
    public int LatencySlackMs { get; set; } = 25;

    /// <summary>Cost per 1,000 accounts within this many percent of the current student's.</summary>
    [Range(0, 1_000)]
    public int CostMarginPercent { get; set; } = 10;

    /// <summary>A gold set smaller than this decides nothing: the candidate is refused as unproven.</summary>
    [Range(1, 1_000_000)]
    public int MinGoldAccounts { get; set; } = 50;

    /// <summary>Share of human-verified documents (by document hash) kept out of every export for the gate.</summary>
    [Range(0, 100)]
    public int HoldOutPercent { get; set; } = 20;

    /// <summary>The labelled evaluation set in the training container: batch.v1 lines and their gold (as <c>extract eval</c> takes them).</summary>
    [Required]
    public string EvaluationBatch { get; set; } = "evaluation/batch.jsonl";

    [Required]
    public string EvaluationGold { get; set; } = "evaluation/gold.jsonl";

    /// <summary>Accounts evaluated at once per deployment.</summary>
    [Range(1, 256)]
    public int Parallelism { get; set; } = 8;

    /// <summary>USD the gate may spend per candidate (both deployments' calls).</summary>
    [Range(0.01, 10_000)]
    public decimal MaxCostUsd { get; set; } = 5m;

    /// <summary>The gate waits until the candidate's shadow has answered this many live accounts (0: it does not wait)…</summary>
    [Range(0, 1_000_000)]
    public int MinShadowAccounts { get; set; } = 200;

    /// <summary>… but no longer than this after the candidate was deployed; then it decides with what the shadow has.</summary>
    [Range(0, 7 * 24 * 60)]
    public int MaxShadowWaitMinutes { get; set; } = 24 * 60;

    /// <summary>A candidate that passes becomes the student at once; false leaves it <c>passed</c> for <c>extract models promote</c>.</summary>
    public bool AutoPromote { get; set; } = true;
}
