using System.Globalization;
using Extraction.ModelEmulator;

// Standalone, for local runs and measurements:
//   dotnet run --project tests/Extraction.ModelEmulator -- --port 5080 [--latency-ms 40]
//       [--corrupt student-ft=0.15] [--faults 0.05] [--seed 1] [--batch batch.jsonl --gold gold.jsonl]
//       [--quota student-ft=RPM[:TPM[:SLICE_SECONDS[:MS_PER_CALL_IN_FLIGHT]]]]   (counters: GET /emulator/quota/student-ft)
// then point the CLI at it: --Model:Provider=azure-openai --Model:Endpoint=http://127.0.0.1:5080/ …
var port = 5080;
var latencyMs = 0;
var seed = 1;
var faults = 0.0;
string? batch = null, gold = null;
var corrupt = new List<(string Deployment, double Share)>();
var quotas = new List<(string Deployment, QuotaSettings Quota)>();
for (var i = 0; i + 1 < args.Length; i += 2)
{
    var value = args[i + 1];
    switch (args[i])
    {
        case "--port": port = int.Parse(value, CultureInfo.InvariantCulture); break;
        case "--latency-ms": latencyMs = int.Parse(value, CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(value, CultureInfo.InvariantCulture); break;
        case "--faults": faults = double.Parse(value, CultureInfo.InvariantCulture); break;
        case "--batch": batch = value; break;
        case "--gold": gold = value; break;
        case "--corrupt" when value.Split('=') is [var deployment, var share]:
            corrupt.Add((deployment, double.Parse(share, CultureInfo.InvariantCulture)));
            break;
        case "--quota" when value.Split('=') is [var deployment, var spec]
            && spec.Split(':').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray() is [var rpm, .. var rest]:
            quotas.Add((deployment, new QuotaSettings(rpm, rest.ElementAtOrDefault(0), rest.Length > 1 ? rest[1] : 1, TimeSpan.FromMilliseconds(rest.ElementAtOrDefault(2)))));
            break;
        default:
            Console.Error.WriteLine($"Unknown option {args[i]} {value}; see the comment at the top of Program.cs.");
            return 2;
    }
}

await using var emulator = await ModelEmulator.StartAsync(port);
emulator.Latency = TimeSpan.FromMilliseconds(latencyMs);
emulator.RecordCalls = false;
if (batch is not null && gold is not null)
{
    emulator.AnswerFromGold(batch, gold);
}

if (faults > 0)
{
    // Slow answers outlast the student's 5 s timeout: the call times out and falls back, as in production.
    emulator.FaultShare(faults, seed, TimeSpan.FromSeconds(8));
}

foreach (var (deployment, share) in corrupt)
{
    emulator.CorruptShare(deployment, share, seed);
}

foreach (var (deployment, quota) in quotas)
{
    emulator.Quota(deployment, quota);
}

Console.WriteLine($"Model emulator on {emulator.AzureEndpoint} (Azure form) and {emulator.OpenAIEndpoint} (plain form); Ctrl+C stops it.");
await emulator.WaitForShutdownAsync();
return 0;
