using Extraction.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Extraction.Cli.Local;

/// <summary>
/// A started local engine and, where the configuration points at development storage and nothing
/// listens there, the Azurite process started for it. Disposing stops both.
/// </summary>
internal sealed class LocalSession : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly Azurite? _azurite;

    private LocalSession(IHost host, Azurite? azurite) => (_host, _azurite) = (host, azurite);

    public IServiceProvider Services => _host.Services;

    public static async Task<LocalSession> StartAsync(
        IDictionary<string, string?> overrides, TextWriter progress, CancellationToken cancellationToken, Action<Microsoft.DurableTask.DurableTaskRegistry>? moreTasks = null)
    {
        var configuration = CliConfiguration.Build(overrides);
        var host = LocalEngine.Build(configuration, moreTasks);
        Azurite? azurite = null;
        try
        {
            // Every option is checked before anything starts, so one run reports every bad key at once.
            host.Services.GetRequiredService<IStartupValidator>().Validate();
            var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
            var connection = storage.UsesIdentity ? "" : storage.ConnectionString ?? "";
            azurite = await Azurite.EnsureForAsync(connection, Path.Combine(Environment.CurrentDirectory, ".azurite"), cancellationToken).ConfigureAwait(false);
            if (azurite is not null)
            {
                await progress.WriteLineAsync("Started Azurite on 127.0.0.1:10000-10002 (data in ./.azurite); it stops when this run ends.").ConfigureAwait(false);
            }

            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            host.Dispose();
            if (azurite is not null)
            {
                await azurite.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        return new LocalSession(host, azurite);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync().ConfigureAwait(false);
        _host.Dispose();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync().ConfigureAwait(false);
        }
    }
}
