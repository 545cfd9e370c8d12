using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Extraction.Cli.Local;

/// <summary>
/// An Azurite process (the storage emulator, installed from npm into the repo's node_modules) that
/// this process started and stops when disposed.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    private const int SigTerm = 15;

    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>Azurite's published, well-known development account key; not a secret.</summary>
    private const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>
    /// Runs the command given after the parent's pid and passes SIGTERM/SIGINT on to it; a guard stops it
    /// (TERM, then KILL after 10 s) as soon as the parent is gone. The shell waits on the child itself, so it
    /// ends the moment the child does.
    /// </summary>
    private const string Watchdog = """
        parent=$1; shift
        "$@" &
        child=$!
        trap 'kill -TERM "$child" 2>/dev/null' TERM INT
        ( while kill -0 "$parent" 2>/dev/null; do sleep 1; done
          kill -TERM "$child" 2>/dev/null; sleep 10; kill -KILL "$child" 2>/dev/null ) &
        guard=$!
        while kill -0 "$child" 2>/dev/null; do wait "$child"; done
        kill "$guard" 2>/dev/null
        """;

    private readonly Process _process;

    private Azurite(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevAccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    /// <summary>
    /// Starts Azurite on the default ports (10000–10002) when the connection string is the development
    /// one and nothing listens there yet; returns null when there is nothing to start.
    /// </summary>
    public static async Task<Azurite?> EnsureForAsync(string connectionString, string dataFolder, CancellationToken cancellationToken = default)
    {
        if (!string.Equals(connectionString.Trim().TrimEnd(';'), DevelopmentStorage, StringComparison.OrdinalIgnoreCase)
            || await ListensAsync(10000, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return await StartAsync(10000, 10001, 10002, dataFolder, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// For measurements: an in-memory Azurite of the run's own on free ports (so earlier data cannot
    /// slow it), unless the configuration names storage; the override points the run at it.
    /// </summary>
    public static async Task<Azurite?> StartPrivateUnlessConfiguredAsync(IDictionary<string, string?> overrides, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        if (overrides.ContainsKey("Storage:ConnectionString"))
        {
            return null;
        }

        var azurite = await StartAsync(LocalEngine.FreeLoopbackPort(), LocalEngine.FreeLoopbackPort(), LocalEngine.FreeLoopbackPort(), dataFolder: null, cancellationToken).ConfigureAwait(false);
        overrides["Storage:ConnectionString"] = azurite.ConnectionString;
        return azurite;
    }

    /// <summary>Starts Azurite on the given ports, in memory when <paramref name="dataFolder"/> is null.</summary>
    public static async Task<Azurite> StartAsync(int blobPort, int queuePort, int tablePort, string? dataFolder, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (OperatingSystem.IsWindows())
        {
            start.FileName = FindExecutable();
        }
        else
        {
            // Through a watchdog: Azurite must not outlive this process (a kill -9 cannot run DisposeAsync),
            // or the next run reuses an orphan that may be wedged on uploads the killed run cut off.
            start.FileName = "/bin/sh";
            foreach (var arg in new[] { "-c", Watchdog, "azurite-watchdog", $"{Environment.ProcessId}", FindExecutable() })
            {
                start.ArgumentList.Add(arg);
            }
        }

        foreach (var arg in new[]
        {
            "--silent", "--skipApiVersionCheck", "--loose",
            // Its telemetry holds the process ~2 minutes after SIGTERM where no network answers (its stop event waits to be sent).
            "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", $"{blobPort}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{queuePort}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{tablePort}",
        })
        {
            start.ArgumentList.Add(arg);
        }

        if (dataFolder is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(dataFolder);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(dataFolder);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new Azurite(process, blobPort, queuePort, tablePort);
        var deadline = Stopwatch.StartNew();
        while (!(await ListensAsync(blobPort, cancellationToken).ConfigureAwait(false) && await ListensAsync(tablePort, cancellationToken).ConfigureAwait(false)))
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                await azurite.DisposeAsync().ConfigureAwait(false);
                throw new InvalidOperationException($"Azurite did not come up on ports {blobPort}/{tablePort} within 30 s (exit code {(process.HasExited ? process.ExitCode : -1)}).");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        return azurite;
    }

    /// <summary>
    /// Stops Azurite with SIGTERM first: with <c>--location</c> it keeps its tables in memory and
    /// saves them on a clean shutdown, so a kill would lose the results a re-run resumes from.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            if (!OperatingSystem.IsWindows())
            {
                _ = SendSignal(_process.Id, SigTerm);
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }

        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SendSignal(int pid, int signal);

    private static async Task<bool> ListensAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>AZURITE_PATH, else node_modules/.bin/azurite above the working or app folder, else PATH.</summary>
    private static string FindExecutable()
    {
        if (Environment.GetEnvironmentVariable("AZURITE_PATH") is { Length: > 0 } configured)
        {
            return configured;
        }

        foreach (var root in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "node_modules", ".bin", "azurite");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "azurite"))
            .FirstOrDefault(File.Exists);
        return onPath ?? throw new FileNotFoundException(
            "Nothing listens on 127.0.0.1:10000 and Azurite was not found. Run `npm ci` in the repository (it installs Azurite), set AZURITE_PATH, or start Azurite yourself.");
    }
}
