using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Configuration;

/// <summary>A model deployment without a price would make every cost figure a lie: refuse to start.</summary>
internal sealed class PricingValidator(IOptions<ModelOptions> model) : IValidateOptions<PricingOptions>
{
    public ValidateOptionsResult Validate(string? name, PricingOptions options)
    {
        var failures = new List<string>();
        var settings = model.Value;
        if (!settings.UsesRules)
        {
            foreach (var deployment in new[] { settings.StudentDeployment, settings.TeacherDeployment }.OfType<string>().Where(d => d.Length > 0))
            {
                if (!options.TryFind(deployment, out _))
                {
                    failures.Add($"Pricing:{deployment}:InputPerMillion and Pricing:{deployment}:OutputPerMillion are required for the deployment {deployment}"
                        + (deployment == PricingOptions.SettingName(deployment) ? "." : $" (as environment variables: Pricing__{PricingOptions.SettingName(deployment)}__InputPerMillion and …__OutputPerMillion)."));
                }
            }
        }

        foreach (var (deployment, price) in options.Deployments)
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(price, new ValidationContext(price), results, validateAllProperties: true))
            {
                failures.AddRange(results.Select(r => $"Pricing:{deployment}: {r.ErrorMessage}"));
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
