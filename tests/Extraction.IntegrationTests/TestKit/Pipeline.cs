using Extraction.Cli.Local;
using Extraction.Core.Access;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Orchestration;
using Extraction.Core.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Extraction.IntegrationTests.TestKit;

/// <summary>
/// The production pipeline on the in-process Durable Task engine and Azurite, with containers and a
/// results table of its own so tests never share state.
/// </summary>
public sealed class Pipeline : IAsyncDisposable
{
    /// <summary>Lines at Information and above kept per pipeline: shown with a failed run, not printed by every test.</summary>
    private const int LogLinesShown = 60;

    private readonly IHost _host;
    private readonly CapturedLogs _logs;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _keys = new(StringComparer.Ordinal);

    private Pipeline(IHost host, IReadOnlyDictionary<string, string?> settings, CapturedLogs logs) => (_host, Settings, _logs) = (host, settings, logs);

    /// <summary>The configuration this pipeline runs with, for further hosts on the same storage and task hub.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public IServiceProvider Services => _host.Services;

    public DurableTaskClient Client => Services.GetRequiredService<DurableTaskClient>();

    public ResultStore Results => Services.GetRequiredService<ResultStore>();

    public StorageClients Storage => Services.GetRequiredService<StorageClients>();

    public StorageOptions StorageOptions => Services.GetRequiredService<IOptions<StorageOptions>>().Value;

    public BatchIntake Intake => Services.GetRequiredService<BatchIntake>();

    /// <summary>An API key issued in this pipeline's storage, one per partner (or reviewer and scope), as a caller sends it.</summary>
    public async Task<string> KeyAsync(string name, CallerKind kind = CallerKind.Partner, params string[] partners)
    {
        var scope = kind == CallerKind.Partner ? [name] : partners.Length == 0 ? [Caller.AllPartners] : partners;
        var id = $"{kind}|{name}|{string.Join(",", scope)}";
        if (!_keys.TryGetValue(id, out var key))
        {
            key = (await Services.GetRequiredService<CredentialStore>().AddAsync(kind, name, scope)).Key.ToString();
            _keys[id] = key;
        }

        return key;
    }

    /// <summary>What every container, table and the task hub of this pipeline have in their names (and no other pipeline's).</summary>
    public string StorageId => TaskHub[3..];

    /// <summary>The Azure Storage task hub of this pipeline (unused on the in-memory engine).</summary>
    public string TaskHub => Services.GetRequiredService<IOptions<DurableOptions>>().Value.TaskHub;

    /// <summary>Rows the Azure Storage backend keeps for an instance's history: none on the in-memory engine.</summary>
    public async Task<int> HistoryRowsInTaskHubAsync(string instanceId)
    {
        var table = new Azure.Data.Tables.TableClient(StorageOptions.ConnectionString, $"{TaskHub}History");
        var rows = 0;
        try
        {
            await foreach (var _ in table.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == instanceId, select: ["PartitionKey"]))
            {
                rows++;
            }
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            // No such table: the engine kept nothing in storage.
        }

        return rows;
    }

    /// <param name="engine">
    /// <c>in-memory</c>, or <c>azure-storage</c>: the Functions extension's default backend on the same
    /// Azurite, in a task hub of the test's own, polling its queues at most 100 ms apart.
    /// </param>
    public static async Task<Pipeline> StartAsync(
        AzuriteFixture azurite, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string engine = DurableOptions.InMemory,
        bool runsWorker = true)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var configuration = new Dictionary<string, string?>
        {
            ["Durable:Engine"] = engine,
            ["Durable:TaskHub"] = $"hub{id}",
            ["Durable:MaxQueuePollingIntervalMs"] = "100",
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:IncomingContainer"] = $"in-{id}",
            ["Storage:BatchesContainer"] = $"batches-{id}",
            ["Storage:RawContainer"] = $"raw-{id}",
            ["Storage:WorkContainer"] = $"work-{id}",
            ["Storage:ResultsTable"] = $"results{id}",
            ["Storage:ReviewsTable"] = $"reviews{id}",
            ["Storage:LabelsTable"] = $"labels{id}",
            ["Storage:TrainingTable"] = $"training{id}",
            ["Storage:TrainingContainer"] = $"training-{id}",
            ["Storage:BudgetsTable"] = $"budgets{id}",
            ["Storage:ModelsTable"] = $"models{id}",
            ["Storage:ShadowTable"] = $"shadow{id}",
            ["Storage:CredentialsTable"] = $"credentials{id}",
            ["Storage:PurgesTable"] = $"purges{id}",
            ["Storage:AuditContainer"] = $"audit-{id}",
            ["Storage:LabelledContainer"] = $"labelled-{id}",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        // The console gets warnings and worse; the capture gets the information a failed run is explained by.
        configuration.TryAdd("Logging:Console:LogLevel:Default", "Warning");
        var logs = new CapturedLogs();
        var host = LocalEngine.Build(
            new ConfigurationBuilder().AddInMemoryCollection(configuration).Build(),
            configureServices: s =>
            {
                s.AddLogging(b => b.AddProvider(new FailureLogs(logs)).AddFilter<FailureLogs>(level => level >= LogLevel.Information));
                services?.Invoke(s);
            },
            runsWorker: runsWorker);
        await host.StartAsync();
        return new Pipeline(host, configuration, logs);
    }

    public async Task<RunOutcome> RunFileAsync(BatchRef batch, string file)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var outcome = await new BatchRunner(Services).RunAsync(batch, file, cancellationToken: timeout.Token);
        return outcome.Succeeded ? outcome : outcome with { Failure = $"{outcome.Failure}\n{RecentLogs()}" };
    }

    /// <summary>The pipeline's last log lines, for a failure message: tests print nothing else of them.</summary>
    public string RecentLogs()
    {
        var lines = _logs.Lines.ToArray();
        return $"--- the pipeline's last {Math.Min(lines.Length, LogLinesShown)} of {lines.Length} log lines ---\n{string.Join("\n", lines.TakeLast(LogLinesShown))}";
    }

    public static async Task<string> WriteBatchFileAsync(params string[] lines)
    {
        var file = Path.Combine(Path.GetTempPath(), $"batch-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(file, lines);
        return file;
    }

    public async Task<OrchestrationMetadata> WaitAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }

    public async Task<List<StoredResult>> ResultsOfAsync(BatchRef batch)
    {
        var rows = new List<StoredResult>();
        await foreach (var row in Results.ListAsync(batch))
        {
            rows.Add(row);
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    /// <summary>The capture under a type of its own, so its filter is not a test's own <see cref="CapturedLogs"/>'s.</summary>
    private sealed class FailureLogs(CapturedLogs inner) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => inner.CreateLogger(categoryName);

        public void Dispose() => inner.Dispose();
    }
}
