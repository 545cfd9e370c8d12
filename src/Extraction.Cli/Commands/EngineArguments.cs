using Extraction.Cli.Local;

namespace Extraction.Cli.Commands;

/// <summary><c>--engine</c> and <c>--workers</c>: shorthands for <c>Durable:Engine</c> and the workers a command runs in this process.</summary>
internal static class EngineArguments
{
    /// <returns>The workers to run in this process.</returns>
    public static int Apply(CliArgs args, string? defaultEngine)
    {
        if (args.Get("engine") is { } engine)
        {
            args.ConfigOverrides["Durable:Engine"] = engine;
        }
        else if (defaultEngine is not null && !args.ConfigOverrides.ContainsKey("Durable:Engine"))
        {
            args.ConfigOverrides["Durable:Engine"] = defaultEngine;
        }

        // An unknown engine name is left to the options' validation, which names Durable:Engine.
        var workers = args.GetInt("workers", 1, min: 0, max: 8);
        if (workers != 1 && !UsesAzureStorage(args))
        {
            throw new UsageException("--workers other than 1 needs --engine azure-storage: only that engine shares its task hub between workers.");
        }

        return workers;
    }

    /// <summary>The engine as the command line, environment or appsettings.json choose it.</summary>
    public static bool UsesAzureStorage(CliArgs args) =>
        DurableOptions.IsAzureStorage(CliConfiguration.Build(args.ConfigOverrides)[$"{DurableOptions.Section}:Engine"]);
}
