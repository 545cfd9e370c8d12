using Azure.Identity;
using DurableTask.AzureStorage;
using Extraction.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Extraction.Cli.Local;

/// <summary>The Durable Task Framework's Azure Storage provider, set up from <c>Durable</c>, <c>Batch</c> and <c>Storage</c>.</summary>
internal static class AzureStorageBackend
{
    private static int _workers;

    public static AzureStorageOrchestrationService Create(IServiceProvider services)
    {
        var durable = services.GetRequiredService<IOptions<DurableOptions>>().Value;
        var batch = services.GetRequiredService<IOptions<BatchOptions>>().Value;
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        return new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = durable.TaskHub,
            PartitionCount = durable.PartitionCount,
            StorageAccountClientProvider = storage.UsesIdentity
                ? new StorageAccountClientProvider(
                    new Uri(storage.BlobServiceUri!), QueueServiceUri(storage.BlobServiceUri!), new Uri(storage.TableServiceUri!), new DefaultAzureCredential())
                : new StorageAccountClientProvider(storage.ConnectionString ?? ""),
            MaxConcurrentTaskActivityWorkItems = LocalEngine.ActivityLimit(durable, batch),
            MaxConcurrentTaskOrchestrationWorkItems = LocalEngine.OrchestrationLimit(durable, batch),
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(durable.MaxQueuePollingIntervalMs),
            WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(durable.MessageVisibilitySeconds),
            ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(durable.MessageVisibilitySeconds),
            LeaseInterval = TimeSpan.FromSeconds(durable.LeaseSeconds),
            // The Functions extension's default since 3.0: partition ownership in a table, safe against split brain.
            UseTablePartitionManagement = true,
            // Each process (and each worker in it) is its own owner of partitions; the machine name alone is not.
            WorkerId = $"{Environment.MachineName}-{Environment.ProcessId}-{Interlocked.Increment(ref _workers)}",
            LoggerFactory = services.GetRequiredService<ILoggerFactory>(),
        });
    }

    /// <summary>With identity the queue endpoint is the blob endpoint's sibling: https://{account}.queue.core.windows.net.</summary>
    private static Uri QueueServiceUri(string blobServiceUri)
    {
        var blob = new UriBuilder(blobServiceUri);
        blob.Host = blob.Host.Replace(".blob.", ".queue.", StringComparison.OrdinalIgnoreCase);
        return blob.Uri;
    }
}
