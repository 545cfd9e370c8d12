using System.Net;
using System.Net.Sockets;
using Extraction.Core.Configuration;
using Extraction.Core.Orchestration;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Extraction.Cli.Local;

/// <summary>
/// A host that runs the production orchestrations and activities on a real Durable Task engine
/// in this process (the in-memory DurableTask.Core service behind its gRPC sidecar), against the
/// storage the configuration names. This is how the CLI, the benchmark and the tests run the
/// pipeline where the Functions host cannot.
/// </summary>
public static class LocalEngine
{
    /// <param name="configuration">Configuration, the same keys as the Functions app.</param>
    /// <param name="moreTasks">Extra orchestrations and activities (the benchmark's bare fan-out).</param>
    /// <param name="configureServices">Last word on the services, after the defaults.</param>
    public static IHost Build(IConfiguration configuration, Action<DurableTaskRegistry>? moreTasks = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        // Standard output carries the command's results; every log line goes to standard error.
        builder.Logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.Services.AddExtractionCore(builder.Configuration);
        builder.Services.AddOptions<LocalEngineOptions>()
            .Bind(builder.Configuration.GetSection(LocalEngineOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddInMemoryDurableTask(
            registry =>
            {
                registry.AddExtractionTasks();
                moreTasks?.Invoke(registry);
            },
            new InMemoryDurableTaskOptions { Port = FreeLoopbackPort() });
        builder.Services.Replace(ServiceDescriptor.Singleton<InMemoryOrchestrationService>(sp =>
        {
            var limits = sp.GetRequiredService<IOptions<LocalEngineOptions>>().Value;
            var batch = sp.GetRequiredService<IOptions<BatchOptions>>().Value;
            return new WideInMemoryOrchestrationService(
                sp.GetService<ILoggerFactory>(),
                limits.MaxConcurrentActivities ?? 2 * batch.ChunkSize * batch.MaxParallelChunks,
                limits.MaxConcurrentOrchestrations ?? (batch.MaxParallelChunks * 4) + 16);
        }));
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
}
