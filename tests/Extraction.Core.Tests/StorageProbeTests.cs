using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Extraction.Core.Configuration;
using Extraction.Core.Storage;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Tests;

/// <summary>
/// A wedged storage (an orphaned Azurite that accepts connections and never answers) is named at start-up
/// instead of hanging every later call. The storage here is a fake — a socket that accepts and stays silent —
/// because the point is a server that never answers, which no real one does on purpose.
/// </summary>
public sealed class StorageProbeTests
{
    [Fact]
    public async Task Fake_silent_storage_is_named_within_the_start_timeout_with_what_to_do()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(backlog: 64);
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var accepted = new List<Socket>();
        using var stop = new CancellationTokenSource();
        var acceptLoop = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    accepted.Add(await silent.AcceptSocketAsync(stop.Token));
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        var key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
        var options = Options.Create(new StorageOptions
        {
            ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={key};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;",
        });
        var initializer = new StorageInitializer(new StorageClients(options), options);
        var clock = Stopwatch.StartNew();

        var refused = await Assert.ThrowsAsync<StorageUnavailableException>(() => initializer.StartAsync(CancellationToken.None));

        Assert.InRange(clock.Elapsed, StorageInitializer.StartTimeout, StorageInitializer.StartTimeout + TimeSpan.FromSeconds(10));
        Assert.Contains($"127.0.0.1:{port}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("If it is Azurite, restart it", refused.Message, StringComparison.Ordinal);
        await stop.CancelAsync();
        await acceptLoop;
        accepted.ForEach(s => s.Dispose());
    }
}
