using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Extraction.IntegrationTests.TestKit;

namespace Extraction.IntegrationTests;

/// <summary>
/// The infrastructure as code, checked with the real Bicep CLI (from NuGet): it compiles and lints
/// clean, the sample environment's parameters fit it, its app settings are local.settings' keys, and
/// host.json is shaped the way the Functions host reads it.
/// </summary>
public sealed partial class InfraTests
{
    private static readonly string Root = RepoRoot.Path;

    [Fact]
    public async Task The_bicep_compiles_and_lints_without_a_single_warning()
    {
        var build = await BicepAsync("build", "main.bicep", "--stdout");
        var lint = await BicepAsync("lint", "main.bicep");

        Assert.True(build.ExitCode == 0, build.Errors);
        Assert.True(lint.ExitCode == 0, lint.Errors);
        Assert.DoesNotMatch("(?i)warning|error", build.Errors + lint.Output + lint.Errors);
        using var template = JsonDocument.Parse(build.Output);
        Assert.Equal("subscriptionDeploymentTemplate.json#", template.RootElement.GetProperty("$schema").GetString()![^"subscriptionDeploymentTemplate.json#".Length..]);
    }

    [Theory]
    [InlineData("sample.parameters.json", true)]
    [InlineData("main.parameters.json", false)]
    public async Task A_parameters_file_names_only_declared_parameters_and_fits_their_rules(string file, bool concrete)
    {
        var build = await BicepAsync("build", "main.bicep", "--stdout");
        using var template = JsonDocument.Parse(build.Output);
        var declared = template.RootElement.GetProperty("parameters");
        using var parameters = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Root, "infra", file)));
        var given = parameters.RootElement.GetProperty("parameters");

        foreach (var parameter in given.EnumerateObject())
        {
            Assert.True(declared.TryGetProperty(parameter.Name, out var rule), $"{file} sets {parameter.Name}, which main.bicep does not declare");
            if (concrete)
            {
                Fits(parameter.Name, parameter.Value.GetProperty("value"), rule);
            }
        }

        foreach (var parameter in declared.EnumerateObject().Where(p => !p.Value.TryGetProperty("defaultValue", out _)))
        {
            Assert.True(given.TryGetProperty(parameter.Name, out _), $"{file} leaves out the required parameter {parameter.Name}");
        }
    }

    [Fact]
    public async Task The_function_app_settings_are_local_settings_keys_for_key()
    {
        var bicep = await File.ReadAllTextAsync(Path.Combine(Root, "infra", "modules", "functionapp.bicep"));
        var block = AppSettingsBlock().Match(bicep).Groups["body"].Value;
        var deployed = SettingKey().Matches(block).Select(m => Normalise(m.Groups["key"].Value)).ToHashSet();
        using var local = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Root, "local.settings.sample.json")));
        var sample = local.RootElement.GetProperty("Values").EnumerateObject().Select(p => Normalise(p.Name)).ToHashSet();

        // Where Azure differs from a laptop, on purpose: identity instead of a connection string, and the
        // runtime set by the Flex plan's functionAppConfig instead of an app setting.
        var azureOnly = new[]
        {
            "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId", "AzureWebJobsStorage__blobServiceUri",
            "AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage__tableServiceUri", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
        };
        var laptopOnly = new[] { "AzureWebJobsStorage", "FUNCTIONS_WORKER_RUNTIME" };
        Assert.Equal(sample.Except(laptopOnly).Order(), deployed.Except(azureOnly).Order());
    }

    [Fact]
    public async Task Host_json_puts_extensions_at_the_root_and_takes_the_hub_from_a_setting()
    {
        using var host = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Root, "host.json")));
        var root = host.RootElement;

        Assert.Equal("2.0", root.GetProperty("version").GetString());
        Assert.False(root.GetProperty("logging").TryGetProperty("extensions", out _), "extensions nested under logging is ignored by the host");
        var durable = root.GetProperty("extensions").GetProperty("durableTask");
        Assert.Equal("%DurableTaskHubName%", durable.GetProperty("hubName").GetString());
        Assert.Equal("AzureStorage", durable.GetProperty("storageProvider").GetProperty("type").GetString());
        Assert.True(durable.GetProperty("maxConcurrentActivityFunctions").GetInt32() > 0);
        Assert.Equal("Warning", root.GetProperty("logging").GetProperty("logLevel").GetProperty("DurableTask.Core").GetString());
    }

    private static void Fits(string name, JsonElement value, JsonElement rule)
    {
        var type = rule.GetProperty("type").GetString();
        Assert.True(type switch
        {
            "string" => value.ValueKind == JsonValueKind.String,
            "int" => value.ValueKind == JsonValueKind.Number,
            "object" => value.ValueKind == JsonValueKind.Object,
            "bool" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            _ => true,
        }, $"{name} should be a {type}");
        if (rule.TryGetProperty("allowedValues", out var allowed))
        {
            Assert.Contains(allowed.EnumerateArray(), a => a.ToString() == value.ToString());
        }

        if (rule.TryGetProperty("minValue", out var min))
        {
            Assert.True(value.GetInt32() >= min.GetInt32(), $"{name} is below its minimum");
        }

        if (rule.TryGetProperty("maxValue", out var max))
        {
            Assert.True(value.GetInt32() <= max.GetInt32(), $"{name} is above its maximum");
        }

        if (rule.TryGetProperty("maxLength", out var maxLength))
        {
            Assert.True(value.GetString()!.Length <= maxLength.GetInt32(), $"{name} is too long");
        }

        if (type == "object" && rule.TryGetProperty("defaultValue", out var shape))
        {
            Assert.Equal(shape.EnumerateObject().Select(p => p.Name).Order(), value.EnumerateObject().Select(p => p.Name).Order());
        }
    }

    /// <summary>Pricing keys carry a deployment name: compare their shape.</summary>
    private static string Normalise(string key) => DeploymentKey().Replace(key, "${section}__<deployment>__");

    private static async Task<(int ExitCode, string Output, string Errors)> BicepAsync(params string[] args)
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var bicep = Path.Combine(packages, "azure.bicep.commandline.linux-x64", "0.49.2", "tools", "bicep");
        Assert.True(File.Exists(bicep), $"The Bicep CLI is not at {bicep}: run `dotnet restore infra/Bicep.proj` (scripts/test does).");
        var start = new ProcessStartInfo(bicep)
        {
            WorkingDirectory = Path.Combine(Root, "infra"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }

    [GeneratedRegex(@"var appSettings = \{(?<body>.*?)\n\}", RegexOptions.Singleline)]
    private static partial Regex AppSettingsBlock();

    [GeneratedRegex(@"^\s*'?(?<key>[^':\s]+)'?\s*:", RegexOptions.Multiline)]
    private static partial Regex SettingKey();

    [GeneratedRegex(@"(?<section>Pricing|Model__Deployments)__(?:\$\{\w+\}|[\w-]+?)__(?=(?:Cached)?InputPerMillion|OutputPerMillion|TokensPerMinute|RequestsPerMinute|MaxInFlight)")]
    private static partial Regex DeploymentKey();
}
