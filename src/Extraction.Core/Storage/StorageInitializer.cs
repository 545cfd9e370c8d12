using Extraction.Core.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Storage;

/// <summary>
/// Creates the containers and tables at start-up, before any trigger or activity needs them, and proves
/// storage takes writes: a storage that hangs (an orphaned or wedged Azurite) is named at once instead of
/// making every later call wait.
/// </summary>
[Singleton(Hosted = true)]
public sealed class StorageInitializer(StorageClients storage, IOptions<StorageOptions> options) : IHostedService
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        try
        {
            await storage.EnsureCreatedAsync(timeout.Token).ConfigureAwait(false);
            var probe = storage.Container(options.Value.WorkContainer).GetBlobClient($"probes/{Environment.MachineName}-{Environment.ProcessId}");
            await probe.UploadAsync(BinaryData.FromString("ok"), overwrite: true, timeout.Token).ConfigureAwait(false);
            await probe.DeleteIfExistsAsync(cancellationToken: timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new StorageUnavailableException(
                $"Storage at {storage.Blobs.Uri.GetLeftPart(UriPartial.Authority)} does not answer writes within {StartTimeout.TotalSeconds:N0} s. " +
                "If it is Azurite, restart it (a process killed mid-upload can leave it unable to take writes); else check Storage:ConnectionString.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
