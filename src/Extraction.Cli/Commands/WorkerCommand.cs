using Extraction.Cli.CommandLine;
using Extraction.Cli.Local;
using Microsoft.Extensions.Options;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract worker</c>: serves the Azure Storage task hub — orchestrations and activities of every
/// batch submitted to it — until SIGTERM or Ctrl+C, then stops cleanly and lets its partition leases
/// go. Any number of workers may share one task hub, as Function app instances do.
/// </summary>
internal static class WorkerCommand
{
    public static Verb Create(CliContext cli)
    {
        var engine = CliOptions.Engine();
        var verb = new Verb("worker", "Serve the Azure Storage task hub (Durable:TaskHub) until SIGTERM or Ctrl+C; start as many as you like.",
            "extract worker &",
            "extract worker --Durable:TaskHub=NightlyHub --Storage:ConnectionString=UseDevelopmentStorage=true")
        {
            engine,
        };
        return verb.Runs(cli, (parse, cli, cancellationToken) =>
        {
            EngineArguments.Apply(cli.Overrides, parse.GetValue(engine), workers: 1, defaultEngine: DurableOptions.AzureStorage);
            if (!EngineArguments.UsesAzureStorage(cli.Overrides))
            {
                throw new UsageException("worker runs one worker on --engine azure-storage; start more processes for more workers.");
            }

            return RunAsync(cli, cancellationToken);
        });
    }

    private static async Task<int> RunAsync(CliContext cli, CancellationToken cancellationToken)
    {
        var (output, progress) = (cli.Output, cli.Progress);
        await using var session = await LocalSession.StartAsync(cli.Overrides, progress, cancellationToken, mayStartAzurite: false).ConfigureAwait(false);
        var durable = session.Services.GetRequiredService<IOptions<DurableOptions>>().Value;
        await output.WriteLineAsync(
            $"Worker {Environment.ProcessId} serves task hub {durable.TaskHub} ({durable.PartitionCount} partitions); SIGTERM or Ctrl+C stops it.").ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await output.WriteLineAsync($"Worker {Environment.ProcessId} stopping: finishing what it holds, releasing its leases.").ConfigureAwait(false);
        return 0;
    }
}
