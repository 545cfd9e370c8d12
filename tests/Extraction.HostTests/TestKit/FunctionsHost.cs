using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Extraction.HostTests.TestKit;

/// <summary>
/// The Functions host running the app, in a process group of its own so that a kill takes the host and its worker
/// together, as a machine's loss does. A watchdog shell leads the group: it ends the group when the test process goes,
/// so a crashed test run leaves no host behind.
/// </summary>
internal sealed class FunctionsHost : IAsyncDisposable
{
    // $1: the test process, $2: where the host's PID goes; the rest is the host's command line.
    private const string Watchdog = """
        parent=$1; pidfile=$2; shift 2
        "$@" &
        child=$!
        echo "$child" > "$pidfile"
        while kill -0 "$parent" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1; done
        kill -KILL 0
        """;

    private const int LinesKept = 400;
    private readonly Process _group;
    private readonly string _pidFile;
    private readonly Queue<string> _lines = new();
    private readonly IReadOnlyDictionary<string, string> _keys;

    private FunctionsHost(Process group, string pidFile, Uri baseAddress, string functionKey, string masterKey, IReadOnlyDictionary<string, string> keys)
    {
        _keys = keys;
        _group = group;
        _pidFile = pidFile;
        BaseAddress = baseAddress;
        FunctionKey = functionKey;
        MasterKey = masterKey;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(100) };
    }

    public Uri BaseAddress { get; }

    /// <summary>The host function key named <c>default</c>: the partner routes do not take it (they are anonymous at the host and the app asks for an API key).</summary>
    public string FunctionKey { get; }

    /// <summary>The master key: <c>/admin/*</c>, as the platform's operators use it.</summary>
    public string MasterKey { get; }

    public HttpClient Http { get; }

    /// <summary>The host's last log lines, for a failure's message.</summary>
    public string RecentLog
    {
        get
        {
            lock (_lines)
            {
                return $"--- the host's last {_lines.Count} log lines ---\n{string.Join('\n', _lines)}";
            }
        }
    }

    /// <summary>
    /// Starts the host on the app folder with <paramref name="settings"/> as its environment (app settings and
    /// <c>AzureFunctionsJobHost__*</c> overrides of host.json alike), function keys enforced, and waits until it runs.
    /// </summary>
    /// <param name="keys">The API keys issued in the app's storage, by <c>{kind}|{name}</c>.</param>
    public static async Task<FunctionsHost> StartAsync(string appDirectory, IReadOnlyDictionary<string, string> settings, string stateDirectory, IReadOnlyDictionary<string, string> keys)
    {
        if (!HostKind.Available)
        {
            throw new InvalidOperationException($"{HostKind.Missing} Set {HostKind.KitVariable} to the kit's folder (.ci/run points it at the one beside the repository).");
        }

        var port = FreePort();
        var (functionKey, masterKey) = ($"fk-{Guid.NewGuid():N}", $"mk-{Guid.NewGuid():N}");
        var pidFile = Path.Combine(stateDirectory, "host.pid");
        Directory.CreateDirectory(stateDirectory);
        File.Delete(pidFile);
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = appDirectory,
        };
        foreach (var arg in new[] { "/bin/sh", "-c", Watchdog, "host-watchdog", $"{Environment.ProcessId}", pidFile })
        {
            start.ArgumentList.Add(arg);
        }

        if (HostKind.Func is { } func)
        {
            // Core Tools: keys from the host's file store, written here in the host's own format.
            WriteKeys(Path.Combine(stateDirectory, "secrets"), functionKey, masterKey, port);
            start.Environment["AzureWebJobsSecretStorageType"] = "files";
            start.Environment["FUNCTIONS_SECRETS_PATH"] = Path.Combine(stateDirectory, "secrets");
            foreach (var arg in new[] { func, "start", "--port", $"{port}", "--enableAuth" })
            {
                start.ArgumentList.Add(arg);
            }
        }
        else
        {
            foreach (var arg in new[]
            {
                HostKind.KitRun!, appDirectory, "--port", $"{port}", "--grpc-port", $"{FreePort()}", "--storage", settings["AzureWebJobsStorage"],
                "--auth", "keys", "--function-key", functionKey, "--master-key", masterKey, "--state-dir", stateDirectory,
            })
            {
                start.ArgumentList.Add(arg);
            }
        }

        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var group = Process.Start(start) ?? throw new InvalidOperationException("The Functions host did not start.");
        var host = new FunctionsHost(group, pidFile, new Uri($"http://127.0.0.1:{port}/"), functionKey, masterKey, keys);
        group.OutputDataReceived += (_, e) => host.Keep(e.Data);
        group.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        group.BeginOutputReadLine();
        group.BeginErrorReadLine();
        await host.WaitUntilRunningAsync(TimeSpan.FromSeconds(120));
        return host;
    }

    /// <summary>A request with the partner's API key, issued in the app's storage (<see cref="HostedApp.KeyAsync"/>).</summary>
    public HttpRequestMessage PartnerRequest(HttpMethod method, string path, string partner = "acme", HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _keys[$"Partner|{partner}"]);
        return request;
    }

    /// <summary>Runs a timer function now, through the admin API, as an operator (or the portal's "Test/Run") does.</summary>
    public async Task InvokeAsync(string function)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"admin/functions/{function}")
        {
            Content = new StringContent("{\"input\":null}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-functions-key", MasterKey);
        using var response = await Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"POST /admin/functions/{function}: {(int)response.StatusCode}\n{RecentLog}");
    }

    /// <summary>Waits for a log line: the admin API only queues a timer's run.</summary>
    public async Task<bool> WaitForLogAsync(Func<string, bool> line, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        do
        {
            lock (_lines)
            {
                if (_lines.Any(line))
                {
                    return true;
                }
            }

            await Task.Delay(200);
        }
        while (clock.Elapsed < timeout);
        return false;
    }

    /// <summary>SIGKILL to the host and its worker at once: nothing is flushed, no lease is returned.</summary>
    public async Task KillAsync()
    {
        _ = Kill(-_group.Id, 9);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _group.WaitForExitAsync(wait.Token);
    }

    /// <summary>SIGTERM to the host (it stops its listeners and its worker); the group is killed if it has not ended in 20 s.</summary>
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_group.HasExited)
        {
            if (File.Exists(_pidFile) && int.TryParse(File.ReadAllText(_pidFile).Trim(), out var pid))
            {
                _ = Kill(pid, 15);
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _group.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _ = Kill(-_group.Id, 9);
                await _group.WaitForExitAsync();
            }
        }

        _group.Dispose();
    }

    private async Task WaitUntilRunningAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_group.HasExited)
            {
                throw new InvalidOperationException($"The Functions host ended before it ran (exit {_group.ExitCode}).\n{RecentLog}");
            }

            // A worker that cannot start (a setting missing, say) or a host.json value refused: the host retries forever.
            if (await WaitForLogAsync(l => l.Contains("Exceeded language worker restart retry count", StringComparison.Ordinal)
                || l.Contains("A host error has occurred during startup", StringComparison.Ordinal), TimeSpan.Zero))
            {
                await DisposeAsync();
                throw new InvalidOperationException($"The Functions host could not start the app.\n{RecentLog}");
            }

            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "admin/host/status");
                request.Headers.Add("x-functions-key", MasterKey);
                using var response = await Http.SendAsync(request);
                if (response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains("\"Running\"", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        await DisposeAsync();
        throw new TimeoutException($"The Functions host did not run within {timeout.TotalSeconds:0} s.\n{RecentLog}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > LinesKept)
            {
                _lines.Dequeue();
            }
        }
    }

    private static void WriteKeys(string folder, string functionKey, string masterKey, int port)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "host.json"), $$"""
            {"masterKey":{"name":"master","value":"{{masterKey}}","encrypted":false},"functionKeys":[{"name":"default","value":"{{functionKey}}","encrypted":false}],"systemKeys":[],"hostName":"localhost:{{port}}","instanceId":"local","source":"runtime","decryptionKeyId":""}
            """);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
