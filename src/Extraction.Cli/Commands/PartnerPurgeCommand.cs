using System.CommandLine;
using Extraction.Cli.CommandLine;
using Extraction.Cli.Local;
using Extraction.Core.Partners;
using Microsoft.DurableTask.Client;

namespace Extraction.Cli.Commands;

/// <summary><c>extract partners purge NAME</c>: deletes everything of a partner, prints what it removed, leaves one purge record.</summary>
internal static class PartnerPurgeCommand
{
    public static Verb Create(CliContext cli)
    {
        var name = CliOptions.NameArgument("the partner id");
        var by = new Option<string>("--by") { Description = "who asks for the purge (kept in the purge record)", Required = true, HelpName = "NAME" };
        var engine = CliOptions.Engine();
        var verb = new Verb("purge",
            "Delete everything of a partner — its batches and their engine history, raw records, results, reviews, labels, corrections' audit, training candidates and exported examples, keys — and keep one purge record (who, when, counts). Running it again is harmless.",
            "extract partners purge acme --by dana",
            "extract partners purge acme --by dana --engine in-memory    (storage only: no task hub to clean)")
        {
            name, by, engine,
        };
        return verb.Runs(cli, async (parse, cli, cancellationToken) =>
        {
            // The Functions app's runs live in the Azure Storage task hub: that is the one to clean, unless told otherwise.
            EngineArguments.Apply(cli.Overrides, parse.GetValue(engine), 1, defaultEngine: DurableOptions.AzureStorage);
            // No worker on the shared task hub (purging needs only its client); the in-memory engine always runs one.
            var workers = EngineArguments.UsesAzureStorage(cli.Overrides) ? 0 : 1;
            await using var session = await LocalSession.StartAsync(cli.Overrides, cli.Progress, cancellationToken, workers: workers).ConfigureAwait(false);
            var report = await session.Services.GetRequiredService<PartnerPurge>().PurgeAsync(
                parse.GetValue(name)!, parse.GetRequiredValue(by), session.Services.GetRequiredService<DurableTaskClient>(), cancellationToken).ConfigureAwait(false);
            foreach (var (place, count) in report.Removed)
            {
                await cli.Output.WriteLineAsync($"{place,-24} {count,8:N0}").ConfigureAwait(false);
            }

            await cli.Output.WriteLineAsync($"Purged partner {report.Partner}: {report.Total:N0} item(s) removed; the purge record keeps who ({report.By}), when and these counts.").ConfigureAwait(false);
            return 0;
        });
    }
}
