using System.Reflection;
using System.Text.Json;
using Extraction.Core.Activities;
using Extraction.Core.Models;
using Extraction.Functions;
using Extraction.Functions.Telemetry;
using Extraction.IntegrationTests.TestKit;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Extraction.IntegrationTests;

/// <summary>
/// The Functions app's own registrations, with local.settings.sample.json's values: every function
/// class resolves and every option validates — what the host would find at start-up.
/// </summary>
public sealed class FunctionsAppTests
{
    [Fact]
    public async Task Every_function_class_resolves_and_the_sample_settings_validate()
    {
        var configuration = SampleSettings();
        // The host registers its configuration; so does this test.
        var services = new ServiceCollection().AddLogging().AddSingleton(configuration).AddExtractionFunctions(configuration);
        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.IsType<ApplicationInsightsTelemetry>(provider.GetRequiredService<IPipelineTelemetry>());
        Assert.IsType<RulesExtractionModel>(provider.GetRequiredService<IExtractionModel>());
        var functions = typeof(FunctionsAppServices).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods().Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null).Select(m => (Type: t, Method: m)))
            .ToList();
        Assert.True(functions.Count > PipelineActivities.All.Count, $"{functions.Count} functions");
        foreach (var type in functions.Where(f => !f.Method.IsStatic).Select(f => f.Type).Distinct())
        {
            Assert.NotNull(ActivatorUtilities.CreateInstance(provider, type));
        }
    }

    [Fact]
    public void The_functions_app_carries_no_tooling_evaluation_reports_and_the_generator_stay_with_the_cli()
    {
        var referenced = typeof(FunctionsAppServices).Assembly.GetReferencedAssemblies()
            .Concat(typeof(Core.ExtractionServices).Assembly.GetReferencedAssemblies())
            .Select(a => a.Name)
            .ToList();

        Assert.Contains("Extraction.Core", referenced);
        Assert.DoesNotContain("Extraction.Tooling", referenced);
        Assert.DoesNotContain("extract", referenced);
        Assert.Equal("Extraction.Tooling", typeof(Tooling.Evaluation.EvaluationChart).Assembly.GetName().Name);
    }

    [Fact]
    public void Every_pipeline_activity_has_a_function_of_its_name_and_types_and_every_activity_function_one_activity()
    {
        var triggers = typeof(FunctionsAppServices).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Select(m => (Method: m, Name: m.GetCustomAttribute<FunctionAttribute>()?.Name, Input: m.GetParameters().FirstOrDefault(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null)))
            .Where(f => f.Name is not null && f.Input is not null)
            .ToDictionary(f => f.Name!);

        Assert.True(PipelineActivities.All.Count >= 7, string.Join(", ", PipelineActivities.All.Select(a => a.Name)));
        Assert.Equal(PipelineActivities.All.Select(a => a.Name).Order(), triggers.Keys.Order());
        Assert.All(PipelineActivities.All, activity =>
        {
            var trigger = triggers[activity.Name];
            Assert.Equal(activity.Input, trigger.Input!.ParameterType);
            Assert.Equal(typeof(Task<>).MakeGenericType(activity.Output), trigger.Method.ReturnType);
        });
    }

    [Fact]
    public void The_openapi_document_describes_every_http_route_and_method()
    {
        var document = File.ReadAllText(RepoRoot.File("docs", "openapi.yaml"));
        var routes = typeof(FunctionsAppServices).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<Microsoft.Azure.Functions.Worker.HttpTriggerAttribute>())
            .OfType<Microsoft.Azure.Functions.Worker.HttpTriggerAttribute>()
            .ToList();

        Assert.Equal(10, routes.Count);
        foreach (var route in routes)
        {
            var path = $"  /{route.Route}:";
            Assert.Contains(path, document, StringComparison.Ordinal);
            var section = document[document.IndexOf(path, StringComparison.Ordinal)..];
            var next = section.IndexOf("\n  /", 1, StringComparison.Ordinal);
            var block = next < 0 ? section[..section.IndexOf("\ncomponents:", StringComparison.Ordinal)] : section[..next];
            Assert.All(route.Methods!, method => Assert.Contains($"    {method.ToLowerInvariant()}:", block, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_partner_and_reviewer_route_is_anonymous_at_the_host_and_asks_the_callers_authenticator_and_operator_routes_take_the_master_key()
    {
        // The host's function keys are shared secrets with no partner behind them: the app decides who calls.
        var all = typeof(FunctionsAppServices).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods().SelectMany(m => m.GetParameters()).Select(p => (Type: t, Trigger: p.GetCustomAttribute<Microsoft.Azure.Functions.Worker.HttpTriggerAttribute>())))
            .Where(t => t.Trigger is not null)
            .ToList();
        var triggers = all.Where(t => t.Type != typeof(Extraction.Functions.Triggers.PartnersAdminHttp)).ToList();

        Assert.Equal(Microsoft.Azure.Functions.Worker.AuthorizationLevel.Admin, Assert.Single(all, t => t.Type == typeof(Extraction.Functions.Triggers.PartnersAdminHttp)).Trigger!.AuthLevel);
        Assert.NotEmpty(triggers);
        Assert.All(triggers, t => Assert.Equal(Microsoft.Azure.Functions.Worker.AuthorizationLevel.Anonymous, t.Trigger!.AuthLevel));
        Assert.All(triggers, t => Assert.Contains(t.Type.GetConstructors().Single().GetParameters(), p => p.ParameterType == typeof(Core.Access.CallerAuthenticator)));
    }

    [Fact]
    public void The_openapi_document_lists_every_content_type_a_batch_is_accepted_in()
    {
        var document = File.ReadAllText(RepoRoot.File("docs", "openapi.yaml"));
        var post = document[document.IndexOf("  /batches:", StringComparison.Ordinal)..];
        post = post[..post.IndexOf("\n  /", 1, StringComparison.Ordinal)];
        var listed = System.Text.RegularExpressions.Regex.Matches(post, @"^          ([a-z-]+/[a-z-]+):", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value)
            .ToList();

        Assert.Equal(Core.Orchestration.BatchRequestReader.NdjsonTypes.Append("application/json").Order(), listed.Order());
    }

    /// <summary>local.settings.sample.json's Values as configuration (<c>A__B</c> is <c>A:B</c>, as the host reads it).</summary>
    private static IConfiguration SampleSettings()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(RepoRoot.File("local.settings.sample.json")));
        var values = json.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value.GetString());
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}
