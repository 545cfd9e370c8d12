using System.ComponentModel.DataAnnotations;
using Extraction.Core.Configuration;

namespace Extraction.Core.Tests;

public sealed class OptionsValidationTests
{
    [Fact]
    public void The_embedded_defaults_are_valid() =>
        Assert.Empty(Validate(new ModelOptions()).Concat(Validate(new StorageOptions())).Concat(Validate(new BatchOptions())));

    [Fact]
    public void An_unknown_provider_is_named_in_the_error() =>
        Assert.Contains(Validate(new ModelOptions { Provider = "gpt" }), e => e.Contains("Model:Provider must be rules, azure-openai or openai-compatible", StringComparison.Ordinal));

    [Fact]
    public void A_remote_provider_without_endpoint_or_deployment_says_which_key_is_missing()
    {
        var errors = Validate(new ModelOptions { Provider = ModelOptions.AzureOpenAI });

        Assert.Contains(errors, e => e.Contains("Model:Endpoint must be an absolute URL", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Model:StudentDeployment is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Chunk_sizes_and_container_names_are_range_checked()
    {
        Assert.NotEmpty(Validate(new BatchOptions { ChunkSize = 0 }));
        Assert.NotEmpty(Validate(new StorageOptions { RawContainer = "Raw_Records" }));
    }

    [Fact]
    public void A_deployments_quota_out_of_range_is_named_by_its_setting()
    {
        var options = new ModelOptions { Quota = { ShareRefreshSeconds = 0 } };
        options.Deployments["student_ft"] = new() { RequestsPerMinute = 0 };
        options.DeploymentDefaults.MaxInFlight = 0;

        var errors = Validate(options);

        Assert.Contains(errors, e => e.StartsWith("Model:Deployments:student_ft: ", StringComparison.Ordinal) && e.Contains("RequestsPerMinute", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Model:DeploymentDefaults: ", StringComparison.Ordinal) && e.Contains("MaxInFlight", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Model:Quota: ", StringComparison.Ordinal) && e.Contains("ShareRefreshSeconds", StringComparison.Ordinal));
        Assert.Same(options.Deployments["student_ft"], options.QuotaOf("student-ft")); // the setting name of student-ft
        Assert.Same(options.DeploymentDefaults, options.QuotaOf("student-7f3a"));
    }

    private static List<string> Validate(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage!).ToList();
    }
}
