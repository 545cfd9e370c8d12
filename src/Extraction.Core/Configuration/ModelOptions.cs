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

    public bool UsesRules => Provider == Rules;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
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
