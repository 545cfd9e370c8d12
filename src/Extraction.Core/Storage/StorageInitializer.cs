using Microsoft.Extensions.Hosting;

namespace Extraction.Core.Storage;

/// <summary>Creates the containers and table at start-up, before any trigger or activity needs them.</summary>
public sealed class StorageInitializer(StorageClients storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
