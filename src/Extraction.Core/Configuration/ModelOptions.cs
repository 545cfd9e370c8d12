using System.ComponentModel.DataAnnotations;

namespace Extraction.Core.Configuration;

/// <summary>Which model answers, and how long it may take. Section <c>Model</c>.</summary>
public sealed class ModelOptions : IValidatableObject
{
    public const string Section = "Model";

    public const string Rules = "rules";
    public const string AzureOpenAI = "azure-openai";
    public const string OpenAICompatible = "openai-compatible";

    /// <summary><c>rules</c> (embedded, deterministic), <c>azure-openai</c> or <c>openai-compatible</c>.</summary>
    [Required, RegularExpression("^(rules|azure-openai|openai-compatible)$", ErrorMessage = "Model:Provider must be rules, azure-openai or openai-compatible.")]
    public string Provider { get; set; } = Rules;

    public Uri? Endpoint { get; set; }

    /// <summary>Key auth when set; managed identity otherwise. Never logged.</summary>
    public string? ApiKey { get; set; }

    public string? StudentDeployment { get; set; }

    public string? TeacherDeployment { get; set; }

    /// <summary>Per-call deadline.</summary>
    [Range(50, 600_000)]
    public int TimeoutMs { get; set; } = 5_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == Rules)
        {
            yield break;
        }

        if (Endpoint is null)
        {
            yield return new ValidationResult($"Model:Endpoint is required when Model:Provider is {Provider}.", [nameof(Endpoint)]);
        }

        if (string.IsNullOrWhiteSpace(StudentDeployment))
        {
            yield return new ValidationResult($"Model:StudentDeployment is required when Model:Provider is {Provider}.", [nameof(StudentDeployment)]);
        }

        // The client behind these providers lands with the model issue; refuse rather than run on rules unasked.
        yield return new ValidationResult($"Model:Provider {Provider} is not available in this build yet; use {Rules}.", [nameof(Provider)]);
    }
}
