using System.ComponentModel.DataAnnotations;

namespace Extraction.Core.Configuration;

/// <summary>Which model answers, and how long and how often it may try. Section <c>Model</c>.</summary>
public sealed class ModelOptions : IValidatableObject
{
    public const string Section = "Model";

    public const string Rules = "rules";
    public const string AzureOpenAI = "azure-openai";
    public const string OpenAICompatible = "openai-compatible";

    /// <summary><c>rules</c> (embedded, deterministic), <c>azure-openai</c> or <c>openai-compatible</c>.</summary>
    [Required, RegularExpression(@"\A(rules|azure-openai|openai-compatible)\z", ErrorMessage = "Model:Provider must be rules, azure-openai or openai-compatible.")]
    public string Provider { get; set; } = Rules;

    /// <summary>The Azure OpenAI resource (<c>https://x.openai.azure.com/</c>), or an OpenAI-compatible base URL (<c>http://host:8000/v1</c>).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Key auth when set; managed identity (DefaultAzureCredential) otherwise. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The fine-tuned student's deployment (or model name on an OpenAI-compatible server).</summary>
    public string? StudentDeployment { get; set; }

    /// <summary>The optional teacher that answers when the student cannot.</summary>
    public string? TeacherDeployment { get; set; }

    /// <summary>Deadline for the student, all its retries included.</summary>
    [Range(50, 600_000)]
    public int TimeoutMs { get; set; } = 5_000;

    /// <summary>Deadline for the teacher, all its retries included.</summary>
    [Range(50, 600_000)]
    public int TeacherTimeoutMs { get; set; } = 20_000;

    /// <summary>Calls one deployment may get for one account (the first and its retries).</summary>
    [Range(1, 10)]
    public int MaxAttemptsPerDeployment { get; set; } = 3;

    /// <summary>Completion token cap per call: fields.v1 needs about 150.</summary>
    [Range(64, 16_384)]
    public int MaxOutputTokens { get; set; } = 400;

    /// <summary>How long the student named in the models table is trusted before it is read again.</summary>
    [Range(0, 3_600)]
    public int ActiveCacheSeconds { get; set; } = 30;

    public ShadowOptions Shadow { get; set; } = new();

    /// <summary>Each deployment's quota, by deployment name (<c>Model:Deployments:&lt;name&gt;:RequestsPerMinute</c>, …).</summary>
    public Dictionary<string, DeploymentQuotaOptions> Deployments { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The quota of a deployment not named in <see cref="Deployments"/> (the retraining loop's candidates).</summary>
    public DeploymentQuotaOptions DeploymentDefaults { get; set; } = new();

    public QuotaOptions Quota { get; set; } = new();

    public bool UsesRules => Provider == Rules;

    /// <summary>A deployment's quota, under its name or its setting name (<see cref="PricingOptions.SettingName"/>: Linux app settings spell <c>student-ft</c> as <c>student_ft</c>).</summary>
    public DeploymentQuotaOptions QuotaOf(string deployment) =>
        Deployments.TryGetValue(deployment, out var own) || Deployments.TryGetValue(PricingOptions.SettingName(deployment), out own) ? own : DeploymentDefaults;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var nested = new List<(string Prefix, object Options)> { ("Model:Shadow", Shadow), ("Model:DeploymentDefaults", DeploymentDefaults), ("Model:Quota", Quota) };
        nested.AddRange(Deployments.Select(d => ($"Model:Deployments:{d.Key}", (object)d.Value)));
        foreach (var (prefix, options) in nested)
        {
            var problems = new List<ValidationResult>();
            Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true);
            foreach (var problem in problems)
            {
                yield return new ValidationResult($"{prefix}: {problem.ErrorMessage}", problem.MemberNames.Select(m => $"{prefix}:{m}"));
            }
        }

        if (UsesRules)
        {
            yield break;
        }

        if (Endpoint is null || !Endpoint.IsAbsoluteUri)
        {
            yield return new ValidationResult($"Model:Endpoint must be an absolute URL when Model:Provider is {Provider}.", [nameof(Endpoint)]);
        }

        if (string.IsNullOrWhiteSpace(StudentDeployment))
        {
            yield return new ValidationResult($"Model:StudentDeployment is required when Model:Provider is {Provider}.", [nameof(StudentDeployment)]);
        }
    }
}

/// <summary>
/// A candidate that answers a sample of live accounts beside the student, never changing a result.
/// <c>Model:Shadow</c>. Without a deployment here, the candidate the evaluation gate is deciding on.
/// </summary>
public sealed class ShadowOptions
{
    public string? Deployment { get; set; }

    /// <summary>Share of accounts also sent to the shadow (0 turns it off).</summary>
    [Range(0.0, 1.0)]
    public double SampleRate { get; set; } = 0.05;

    /// <summary>The shadow may spend at most this share of each budget the account spends from.</summary>
    [Range(0.0, 1.0)]
    public double BudgetShare { get; set; } = 0.05;

    /// <summary>And at most this many USD per UTC day in all.</summary>
    [Range(0, 1_000_000)]
    public decimal DailyUsd { get; set; } = 20m;

    /// <summary>Accounts waiting for the shadow; more are not sampled (the served path never waits).</summary>
    [Range(1, 100_000)]
    public int QueueLength { get; set; } = 1_000;

    /// <summary>Shadow calls at once.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 4;
}
