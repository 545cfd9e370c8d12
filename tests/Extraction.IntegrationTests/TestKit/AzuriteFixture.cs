using Extraction.Cli.Local;

namespace Extraction.IntegrationTests.TestKit;

/// <summary>One in-memory Azurite for the whole test run, on ports nothing else uses.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not running.");

    public async Task InitializeAsync() =>
        _azurite = await Azurite.StartAsync(LocalEngine.FreeLoopbackPort(), LocalEngine.FreeLoopbackPort(), LocalEngine.FreeLoopbackPort(), dataFolder: null);

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class StorageCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
