using System.Net;
using System.Net.Sockets;
using Extraction.Core;
using Extraction.Core.Configuration;
using Extraction.Core.Orchestration;
using Extraction.Tooling.Evaluation;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Options;

namespace Extraction.Cli.Local;

/// <summary>
/// A host that runs the production orchestrations and activities on a real Durable Task engine in
/// this process, behind the same gRPC sidecar protocol the Functions host speaks: the in-memory
/// DurableTask.Core service (<c>Durable:Engine=in-memory</c>, the default) or the Azure Storage backend
/// (<c>azure-storage</c>) on the account <c>Storage</c> names. This is how the CLI, the benchmarks and
/// the tests run the pipeline where the Functions host cannot.
/// </summary>
public static class LocalEngine
{
    /// <param name="configuration">Configuration, the same keys as the Functions app.</param>
    /// <param name="moreTasks">Extra orchestrations and activities (the benchmark's bare fan-out).</param>
    /// <param name="configureServices">Last word on the services, after the defaults.</param>
    /// <param name="runsWorker">
    /// False for a host that only submits and follows (<c>--workers 0</c>): other processes do the work;
    /// only the Azure Storage engine shares its task hub with them.
    /// </param>
    public static IHost Build(
        IConfiguration configuration, Action<DurableTaskRegistry>? moreTasks = null, Action<IServiceCollection>? configureServices = null, bool runsWorker = true)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        // Standard output carries the command's results; every log line goes to standard error.
        builder.Logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton<IHostLifetime, NoSignalsLifetime>();

        builder.Services.AddExtractionCore(builder.Configuration).AddEvaluation();
        builder.Services.AddOptions<DurableOptions>()
            .Bind(builder.Configuration.GetSection(DurableOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        void Tasks(DurableTaskRegistry registry)
        {
            registry.AddExtractionTasks();
            moreTasks?.Invoke(registry);
        }

        // The engine is picked before validation can run; an unknown name builds the in-memory one and
        // then fails validation with a message that names Durable:Engine.
        var durable = builder.Configuration.GetSection(DurableOptions.Section).Get<DurableOptions>() ?? new DurableOptions();
        if (durable.UsesAzureStorage)
        {
            AddAzureStorageEngine(builder.Services, Tasks, runsWorker);
        }
        else if (runsWorker)
        {
            AddInMemoryEngine(builder.Services, Tasks);
        }
        else
        {
            throw new InvalidOperationException("A host without a worker needs the azure-storage engine: only it shares its task hub with other processes.");
        }

        TestHostPatches.NoSilentDisconnect(builder.Services);

        configureServices?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>A port nothing listens on now; the sidecar's own default is a random pick that may collide.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// In memory: the activities ready at once in a batch run, twice over, so the dispatcher never backs off.
    /// On Azure Storage: <see cref="DurableOptions.AzureStorageActivities"/> — every dequeued work item is
    /// hidden only for <c>MessageVisibilitySeconds</c>, and a worker that takes thousands at once while storage
    /// completes ~20 a second sees them reappear and run twice (measured in docs/performance.md).
    /// </summary>
    internal static int ActivityLimit(DurableOptions durable, BatchOptions batch) =>
        durable.MaxConcurrentActivities ?? (durable.UsesAzureStorage ? DurableOptions.AzureStorageActivities : 2 * batch.ChunkSize * batch.MaxParallelChunks);

    internal static int OrchestrationLimit(DurableOptions durable, BatchOptions batch) =>
        durable.MaxConcurrentOrchestrations ?? (batch.MaxParallelChunks * 4) + 16;

    private static void AddInMemoryEngine(IServiceCollection services, Action<DurableTaskRegistry> tasks)
    {
        TestHostPatches.AddPatchedInMemoryEngine(services, tasks, FreeLoopbackPort(), sp =>
        {
            var durable = sp.GetRequiredService<IOptions<DurableOptions>>().Value;
            var batch = sp.GetRequiredService<IOptions<BatchOptions>>().Value;
            return (ActivityLimit(durable, batch), OrchestrationLimit(durable, batch));
        });
        services.AddHostedService(sp => new FinishedInstancePurger(
            sp.GetRequiredService<DurableTaskClient>(), sp.GetRequiredService<IOptions<DurableOptions>>().Value.KeepFinishedSeconds,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FinishedInstancePurger>>()));
    }

    private static void AddAzureStorageEngine(IServiceCollection services, Action<DurableTaskRegistry> tasks, bool runsWorker)
    {
        var port = FreeLoopbackPort();
        var address = $"http://127.0.0.1:{port}";
        services.AddSingleton(sp => AzureStorageBackend.Create(sp));
        services.AddSingleton<IHostedService>(sp => new AzureStorageSidecar(
            sp.GetRequiredService<DurableTask.AzureStorage.AzureStorageOrchestrationService>(), port, runsWorker, sp.GetRequiredService<ILoggerFactory>()));
        if (runsWorker)
        {
            services.AddDurableTaskWorker(builder =>
            {
                builder.UseGrpc(address);
                builder.AddTasks(tasks);
            });
        }

        services.AddDurableTaskClient(builder =>
        {
            builder.UseGrpc(address);
            builder.RegisterDirectly();
        });
    }
}
