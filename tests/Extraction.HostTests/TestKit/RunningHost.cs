namespace Extraction.HostTests.TestKit;

/// <summary>One app under one host for a test class; a class that needs other settings derives and adds them.</summary>
public class RunningHost : IAsyncLifetime
{
    private HostedApp? _app;

    internal HostedApp App => _app ?? throw new InvalidOperationException(HostKind.Missing);

    internal FunctionsHost Host => App.Host;

    public async Task InitializeAsync()
    {
        if (!HostKind.Available && !HostKind.Required)
        {
            return; // Every test is skipped; nothing to start.
        }

        _app = await HostedApp.StartAsync();
        Configure(_app.Settings);
        await _app.StartHostAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>Settings of the class's own, before the host starts.</summary>
    protected virtual void Configure(Dictionary<string, string> settings)
    {
    }
}

/// <summary>Host tests run one class at a time: each starts a host, and two would share the machine's two cores.</summary>
[CollectionDefinition(Name)]
public sealed class HostCollection
{
    public const string Name = "Functions host";
}
