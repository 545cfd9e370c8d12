using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.DurableTask.Worker.Grpc.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;
using DurableClient = Microsoft.DurableTask.Client;

namespace Extraction.Cli.Local;

/// <summary>
/// Every way the local engine bends the preview in-process test host (<c>Microsoft.DurableTask.InProcessTestHost</c>)
/// and the worker's internals to run the production orchestrations, in one place: nothing else names them.
/// <c>TestHostPatchesTests</c> shows each stock behaviour a patch answers, so a package that changes one fails
/// there — telling which patch to drop — rather than on a version string.
/// </summary>
internal static partial class TestHostPatches
{
    /// <summary>
    /// The in-memory engine with its work-item limits raised and its durable timers ending with their instance
    /// (<see cref="PatchedInMemoryService"/>).
    /// </summary>
    public static void AddPatchedInMemoryEngine(IServiceCollection services, Action<DurableTaskRegistry> tasks, int port, Func<IServiceProvider, (int Activities, int Orchestrations)> limits)
    {
        services.AddInMemoryDurableTask(tasks, new InMemoryDurableTaskOptions { Port = port });
        services.Replace(ServiceDescriptor.Singleton<InMemoryOrchestrationService>(sp =>
        {
            var (activities, orchestrations) = limits(sp);
            return InMemoryService(sp.GetService<ILoggerFactory>(), activities, orchestrations);
        }));
    }

    /// <summary>The in-memory service <see cref="AddPatchedInMemoryEngine"/> registers.</summary>
    public static InMemoryOrchestrationService InMemoryService(ILoggerFactory? loggerFactory, int maxActivities, int maxOrchestrations) =>
        new PatchedInMemoryService(loggerFactory, maxActivities, maxOrchestrations);

    /// <summary>The Azure Storage backend as the sidecar needs it: two of the sidecar's objects become plain DurableTask.Core ones before they are stored.</summary>
    public static IOrchestrationService ForAzureStorage(IOrchestrationService backend) => new SidecarCompatibleService(backend);

    /// <summary>
    /// The worker reconnects (with a warning) when its work-item stream is silent for 2 minutes, expecting the
    /// health pings a Durable backend sends; the loopback sidecar sends none, so an idle serve would warn every two
    /// minutes about a channel that is fine. Only an internal option turns that off.
    /// </summary>
    public static void NoSilentDisconnect(IServiceCollection services) =>
        services.PostConfigureAll<GrpcDurableTaskWorkerOptions>(o => o.SetSilentDisconnectTimeout(TimeSpan.Zero));

    /// <summary>Purges ended instances created before <paramref name="createdBefore"/>, one by one: the in-memory sidecar fails a purge by filter.</summary>
    public static async Task<int> PurgeEndedAsync(DurableClient.DurableTaskClient client, DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        var purged = 0;
        var query = new DurableClient.OrchestrationQuery { CreatedTo = createdBefore, Statuses = [DurableClient.OrchestrationRuntimeStatus.Completed, DurableClient.OrchestrationRuntimeStatus.Failed, DurableClient.OrchestrationRuntimeStatus.Terminated], PageSize = 500 };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            purged += (await client.PurgeInstanceAsync(instance.InstanceId, cancellation: cancellationToken).ConfigureAwait(false)).PurgedInstanceCount;
        }

        return purged;
    }
}
