using System.Globalization;
using Extraction.ModelEmulator;

// Standalone: `dotnet run --project tests/Extraction.ModelEmulator -- --port 5080 --latency-ms 40`,
// then point the CLI at it: --Model:Provider=azure-openai --Model:Endpoint=http://127.0.0.1:5080/ …
var port = 5080;
var latencyMs = 0;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--port": port = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--latency-ms": latencyMs = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        default: Console.Error.WriteLine($"Unknown option {args[i]}; use --port N --latency-ms N."); return 2;
    }
}

await using var emulator = await ModelEmulator.StartAsync(port);
emulator.Latency = TimeSpan.FromMilliseconds(latencyMs);
Console.WriteLine($"Model emulator on {emulator.AzureEndpoint} (Azure form) and {emulator.OpenAIEndpoint} (plain form); Ctrl+C stops it.");
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}

return 0;
