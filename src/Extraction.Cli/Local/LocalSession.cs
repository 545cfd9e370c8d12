using Extraction.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Extraction.Cli.Local;

/// <summary>
/// A started local engine (one host, plus any further in-process workers) and, where the configuration
/// points at development storage and nothing listens there, the Azurite process started for it.
/// Disposing stops them all, workers first so they let their leases go.
/// </summary>
internal sealed class LocalSession : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly List<IHost> _workers;
    private readonly Azurite? _azurite;

    private LocalSession(IHost host, List<IHost> workers, Azurite? azurite) => (_host, _workers, _azurite) = (host, workers, azurite);

    public IServiceProvider Services => _host.Services;

    /// <param name="workers">
    /// Processes of work in this session: 1 (the default) runs the worker in the main host; 0 only
    /// submits and watches; more add worker hosts of their own (Azure Storage engine only).
    /// </param>
    /// <param name="mayStartAzurite">Start Azurite when the development storage does not answer (not for processes that share it).</param>
    public static async Task<LocalSession> StartAsync(
        IDictionary<string, string?> overrides, TextWriter progress, CancellationToken cancellationToken,
        Action<Microsoft.DurableTask.DurableTaskRegistry>? moreTasks = null, int workers = 1, bool mayStartAzurite = true)
    {
        var configuration = CliConfiguration.Build(overrides);
        var host = LocalEngine.Build(configuration, moreTasks, runsWorker: workers > 0);
        var extra = Enumerable.Range(1, Math.Max(0, workers - 1)).Select(_ => LocalEngine.Build(configuration, moreTasks)).ToList();
        Azurite? azurite = null;
        try
        {
            // Every option is checked before anything starts, so one run reports every bad key at once.
            host.Services.GetRequiredService<IStartupValidator>().Validate();
            var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
            var connection = storage.UsesIdentity ? "" : storage.ConnectionString ?? "";
            // A process that shares storage with others must not own it: its exit would stop everyone's Azurite.
            azurite = mayStartAzurite
                ? await Azurite.EnsureForAsync(connection, Path.Combine(Environment.CurrentDirectory, ".azurite"), cancellationToken).ConfigureAwait(false)
                : null;
            if (azurite is not null)
            {
                await progress.WriteLineAsync("Started Azurite on 127.0.0.1:10000-10002 (data in ./.azurite); it stops when this run ends.").ConfigureAwait(false);
            }

            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            foreach (var worker in extra)
            {
                await worker.StartAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await StopAllAsync(host, extra).ConfigureAwait(false);
            if (azurite is not null)
            {
                await azurite.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        return new LocalSession(host, extra, azurite);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAllAsync(_host, _workers).ConfigureAwait(false);
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task StopAllAsync(IHost host, List<IHost> workers)
    {
        foreach (var each in workers.Append(host))
        {
            try
            {
                await each.StopAsync().ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Never started (start-up failed first); nothing to stop.
            }

            each.Dispose();
        }
    }
}
