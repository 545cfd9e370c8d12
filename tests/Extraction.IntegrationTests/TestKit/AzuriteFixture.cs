using Extraction.Cli.Local;

namespace Extraction.IntegrationTests.TestKit;

/// <summary>
/// One in-memory Azurite for the whole test run, on ports nothing else uses, shared by every test class: each
/// pipeline's containers, tables and task hub are named for it alone, so classes run in parallel. It stops with the
/// test process (its watchdog), as a kill -9 of the run could not dispose it either.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private static readonly Lazy<Task<Azurite>> Shared = new(() =>
        Azurite.StartAsync(LocalEngine.FreeLoopbackPort(), LocalEngine.FreeLoopbackPort(), LocalEngine.FreeLoopbackPort(), dataFolder: null));

    private Azurite? _azurite;

    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not running.");

    public async Task InitializeAsync() => _azurite = await Shared.Value;

    public Task DisposeAsync() => Task.CompletedTask;
}
