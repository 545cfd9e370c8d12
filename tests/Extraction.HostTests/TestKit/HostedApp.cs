using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Extraction.Cli.Local;
using Extraction.Core.Access;
using Extraction.Core.Configuration;
using Extraction.Core.Storage;
using Microsoft.Extensions.Options;

namespace Extraction.HostTests.TestKit;

/// <summary>
/// The Functions app as a deployment has it, on this machine: its build output under the Functions host, an Azurite of
/// its own, and the model emulator as its Azure OpenAI endpoint. Settings start from local.settings.sample.json, with
/// the storage and the model pointed here; a test adds its own (host.json overrides included) before a host starts.
/// </summary>
internal sealed class HostedApp : IAsyncDisposable
{
    public const string Student = "student-ft";
    public const string Teacher = "teacher";

    private readonly Azurite _azurite;
    private readonly string _state = Path.Combine(Path.GetTempPath(), $"host-tests-{Guid.NewGuid():N}");
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private FunctionsHost? _host;

    private HostedApp(Azurite azurite, ModelEmulator.ModelEmulator emulator)
    {
        _azurite = azurite;
        Emulator = emulator;
        Settings = BaseSettings(azurite.ConnectionString, emulator);
    }

    public ModelEmulator.ModelEmulator Emulator { get; }

    /// <summary>The host's environment: app settings by their <c>__</c> names and host.json overrides.</summary>
    public Dictionary<string, string> Settings { get; }

    /// <summary>The running host, once <see cref="StartHostAsync"/> has run.</summary>
    public FunctionsHost Host => _host ?? throw new InvalidOperationException("No host is running.");

    public static string AppDirectory { get; } = FindAppDirectory();

    private static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static async Task<HostedApp> StartAsync()
    {
        var azurite = await Azurite.StartAsync(LocalEngine.FreeLoopbackPort(), LocalEngine.FreeLoopbackPort(), LocalEngine.FreeLoopbackPort(), dataFolder: null);
        return new HostedApp(azurite, await ModelEmulator.ModelEmulator.StartAsync());
    }

    /// <summary>Starts the host (again, after a kill: same settings, same storage, same task hub).</summary>
    public async Task<FunctionsHost> StartHostAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _host = await FunctionsHost.StartAsync(AppDirectory, Settings, _state, _keys);
        await KeyAsync("acme");
        return _host;
    }

    /// <summary>
    /// A key issued in the app's storage, as <c>extract partners add</c> or <c>extract reviewers add</c> does; a partner's
    /// is also what <see cref="FunctionsHost.PartnerRequest"/> sends for it.
    /// </summary>
    public async Task<string> KeyAsync(string name, CallerKind kind = CallerKind.Partner, params string[] partners)
    {
        var id = $"{kind}|{name}";
        if (!_keys.TryGetValue(id, out var key))
        {
            var storage = new StorageClients(Options.Create(new StorageOptions { ConnectionString = _azurite.ConnectionString }));
            await storage.CredentialsTable.CreateIfNotExistsAsync();
            var store = new CredentialStore(storage, Options.Create(new AccessOptions()), TimeProvider.System);
            key = (await store.AddAsync(kind, name, kind == CallerKind.Partner ? [name] : partners.Length == 0 ? [Caller.AllPartners] : partners)).Key.ToString();
            _keys[id] = key;
        }

        return key;
    }

    public BlobContainerClient Container(string setting) => new(_azurite.ConnectionString, Settings[$"Storage__{setting}"]);

    public TableClient Table(string setting) => new(_azurite.ConnectionString, Settings[$"Storage__{setting}"]);

    public BlobContainerClient Incoming => new(_azurite.ConnectionString, "incoming");

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await Emulator.DisposeAsync();
        await _azurite.DisposeAsync();
        try
        {
            Directory.Delete(_state, recursive: true);
        }
        catch (IOException)
        {
            // The host's file logs may still be closing; the folder is in the temporary directory.
        }
    }

    private static Dictionary<string, string> BaseSettings(string storage, ModelEmulator.ModelEmulator emulator)
    {
        var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "local.settings.sample.json"))).RootElement.GetProperty("Values");
        // The sample's quotas are a real deployment's; the emulator here has none, and the tests' deployments take the defaults below.
        var settings = sample.EnumerateObject().Where(p => !p.Name.StartsWith("Model__Deployments__", StringComparison.Ordinal))
            .ToDictionary(p => p.Name, p => p.Value.GetString() == "UseDevelopmentStorage=true" ? storage : p.Value.GetString() ?? "");
        var id = Guid.NewGuid().ToString("N")[..8];
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["DurableTaskHubName"] = $"hosttest{id}",
            ["Model__Provider"] = "azure-openai",
            ["Model__Endpoint"] = emulator.AzureEndpoint.ToString(),
            ["Model__ApiKey"] = "emulator-key",
            ["Model__StudentDeployment"] = Student,
            ["Model__TeacherDeployment"] = Teacher,
            // Sized for a busy two-core machine; the tests of deadlines set their own.
            ["Model__TimeoutMs"] = "10000",
            ["Model__TeacherTimeoutMs"] = "15000",
            // The emulator has no quota here: the limiter runs, paced far above what a test sends.
            ["Model__DeploymentDefaults__RequestsPerMinute"] = "6000000",
            ["Model__DeploymentDefaults__TokensPerMinute"] = "1000000000",
            ["Model__DeploymentDefaults__MaxInFlight"] = "100000",
            ["Model__Shadow__SampleRate"] = "0",
            // Per function execution the host logs two lines; a 1,000-account batch would spend its time on them.
            ["AzureFunctionsJobHost__logging__logLevel__default"] = "Warning",
            ["AzureFunctionsJobHost__logging__logLevel__Function"] = "Warning",
            ["AzureFunctionsJobHost__logging__logLevel__Host.Results"] = "Warning",
        })
        {
            settings[name] = value;
        }

        return settings;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (Functions.sln) was not found above the tests.");
    }

    /// <summary>The Functions app's build output in the tests' own configuration: what <c>func start</c> runs from.</summary>
    private static string FindAppDirectory()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<configuration>/net10.0
        var app = Path.Combine(FindRepositoryRoot(), "src", "Extraction.Functions", "bin", configuration, "net10.0");
        return File.Exists(Path.Combine(app, "worker.config.json"))
            ? app
            : throw new DirectoryNotFoundException($"No built Functions app in {app}: build Functions.sln in {configuration} first.");
    }
}
