using Extraction.Core;
using Extraction.Core.Configuration;
using Extraction.Core.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Extraction.IntegrationTests.TestKit;

/// <summary>The configured model (real Azure.AI.OpenAI client, real HTTP) pointed at an emulator.</summary>
internal static class ModelUnderTest
{
    public const string Student = "student-ft";
    public const string Teacher = "teacher-large";
    public const string ApiKey = "emulator-key-5d1f0c";

    /// <summary>Prices that make costs easy to check by hand: per million tokens.</summary>
    public static Dictionary<string, string?> Settings(ModelEmulator.ModelEmulator emulator, string provider = ModelOptions.AzureOpenAI) => new()
    {
        ["Model:Provider"] = provider,
        ["Model:Endpoint"] = (provider == ModelOptions.AzureOpenAI ? emulator.AzureEndpoint : emulator.OpenAIEndpoint).ToString(),
        ["Model:ApiKey"] = ApiKey,
        ["Model:StudentDeployment"] = Student,
        ["Model:TeacherDeployment"] = Teacher,
        // Sized for a busy two-core CI machine, not a quiet one: a 2 s student deadline cut a content-filter answer
        // there (the test then saw the teacher's). Tests of the deadline itself set their own.
        ["Model:TimeoutMs"] = "10000",
        ["Model:TeacherTimeoutMs"] = "15000",
        // The emulator has no quota unless a test gives it one: the limiter runs, paced far above what a test sends.
        ["Model:DeploymentDefaults:RequestsPerMinute"] = "6000000",
        ["Model:DeploymentDefaults:TokensPerMinute"] = "1000000000",
        ["Model:DeploymentDefaults:MaxInFlight"] = "100000",
        ["Pricing:student-ft:InputPerMillion"] = "0.20",
        ["Pricing:student-ft:CachedInputPerMillion"] = "0.05",
        ["Pricing:student-ft:OutputPerMillion"] = "0.80",
        ["Pricing:teacher-large:InputPerMillion"] = "2.50",
        ["Pricing:teacher-large:OutputPerMillion"] = "10.00",
    };

    public static IExtractionModel Create(IDictionary<string, string?> settings, ILoggerProvider? logs = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging(b =>
        {
            if (logs is not null)
            {
                b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
            }
        });
        services.AddExtractionCore(configuration);
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider.GetRequiredService<IExtractionModel>();
    }
}
