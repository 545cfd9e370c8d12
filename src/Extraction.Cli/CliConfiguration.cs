namespace Extraction.Cli;

/// <summary>
/// The CLI reads configuration the way the Functions app does: appsettings.json, then environment
/// variables (<c>Model__Provider</c>), then the command line (<c>--Model:Provider=rules</c>).
/// </summary>
internal static class CliConfiguration
{
    public static IConfigurationRoot Build(IDictionary<string, string?> overrides) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
}
