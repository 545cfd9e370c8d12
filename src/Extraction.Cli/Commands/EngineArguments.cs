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

        var chosen = args.ConfigOverrides.TryGetValue("Durable:Engine", out var value) ? value : CliConfiguration.Build(args.ConfigOverrides)["Durable:Engine"];
        if (chosen is not null && chosen != DurableOptions.InMemory && chosen != DurableOptions.AzureStorage)
        {
            throw new UsageException($"--engine must be {DurableOptions.InMemory} or {DurableOptions.AzureStorage}; got '{chosen}'.");
        }

        var workers = args.GetInt("workers", 1, min: 0, max: 8);
        if (workers != 1 && chosen != DurableOptions.AzureStorage)
        {
            throw new UsageException("--workers other than 1 needs --engine azure-storage: only that engine shares its task hub between workers.");
        }

        return workers;
    }
}
