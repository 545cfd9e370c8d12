using System.Net;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;

namespace Extraction.Cli.Local;

/// <summary>
/// The Durable Task gRPC sidecar — the protocol the isolated worker speaks to the Functions host —
/// on loopback, in front of the Azure Storage backend. Workers and clients in this process reach it
/// exactly as they would reach the host. It dispatches work only where a worker runs, so a
/// client-only process (<c>--workers 0</c>) submits and watches without taking any partition.
/// </summary>
internal sealed class AzureStorageSidecar(AzureStorageOrchestrationService backend, int port, bool dispatches, ILoggerFactory loggerFactory) : IHostedService
{
    private readonly IOrchestrationService _service = TestHostPatches.ForAzureStorage(backend);
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Queues, tables and lease blobs of the hub; a hub that exists keeps its partition count.
        await _service.CreateIfNotExistsAsync().ConfigureAwait(false);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton<IHostLifetime, NoSignalsLifetime>();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(_service);
        builder.Services.AddSingleton((IOrchestrationServiceClient)_service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        // A client-only sidecar must never start the backend's dispatch: it would take partitions
        // (and the sidecar starts dispatch even when it stops without a worker ever connecting).
        builder.Services.Configure<TaskHubGrpcServerOptions>(o => o.Mode = dispatches ? TaskHubGrpcServerMode.ApiServerAndDispatcher : TaskHubGrpcServerMode.ApiServerOnly);
        _app = builder.Build();
        _app.MapGrpcService<TaskHubGrpcServer>();
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops serving, then stops the backend gracefully: its partition leases are released at once,
    /// so another worker takes them over without waiting for them to expire.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }

        await _service.StopAsync(isForced: false).ConfigureAwait(false);
    }
}
