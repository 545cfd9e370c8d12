using Extraction.Cli.Local;

namespace Extraction.Cli.Commands;

/// <summary><c>--engine</c> and <c>--workers</c>: shorthands for <c>Durable:Engine</c> and the workers a command runs in this process.</summary>
internal static class EngineArguments
{
    /// <returns>The workers to run in this process.</returns>
    public static int Apply(Dictionary<string, string?> overrides, string? engine, int workers, string? defaultEngine)
    {
        if (engine is not null)
        {
            overrides["Durable:Engine"] = engine;
        }
        else if (defaultEngine is not null && !overrides.ContainsKey("Durable:Engine"))
        {
            overrides["Durable:Engine"] = defaultEngine;
        }

        if (workers != 1 && !UsesAzureStorage(overrides))
        {
            throw new UsageException("--workers other than 1 needs --engine azure-storage: only that engine shares its task hub between workers.");
        }

        return workers;
    }

    /// <summary>The engine as the command line, environment or appsettings.json choose it.</summary>
    public static bool UsesAzureStorage(IDictionary<string, string?> overrides) =>
        DurableOptions.IsAzureStorage(CliConfiguration.Build(overrides)[$"{DurableOptions.Section}:Engine"]);
}
