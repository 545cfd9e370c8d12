using Extraction.Cli.Local;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract worker</c>: serves the Azure Storage task hub — orchestrations and activities of every
/// batch submitted to it — until SIGTERM or Ctrl+C, then stops cleanly and lets its partition leases
/// go. Any number of workers may share one task hub, as Function app instances do.
/// </summary>
internal static class WorkerCommand
{
    public const string Usage = "extract worker [--engine azure-storage] [--Section:Key=value ...]";

    public static async Task<int> RunAsync(CliArgs args, TextWriter output, TextWriter progress, CancellationToken cancellationToken)
    {
        if (args.Positional.Count > 0)
        {
            throw new UsageException("worker takes no file: it serves whatever is submitted to its task hub.");
        }

        if (EngineArguments.Apply(args, defaultEngine: DurableOptions.AzureStorage) != 1 || !EngineArguments.UsesAzureStorage(args))
        {
            throw new UsageException("worker runs one worker on --engine azure-storage; start more processes for more workers.");
        }

        await using var session = await LocalSession.StartAsync(args.ConfigOverrides, progress, cancellationToken, mayStartAzurite: false).ConfigureAwait(false);
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
