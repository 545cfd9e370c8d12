using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Extraction.Core.Contracts;
using Extraction.Core.Extraction;
using Extraction.Core.Prompting;
using Extraction.Tooling.Evaluation;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Extraction.ModelEmulator;

/// <summary>
/// An OpenAI-compatible chat-completions server on loopback, in the Azure form
/// (<c>/openai/deployments/{d}/chat/completions</c>) and the plain form (<c>/v1/chat/completions</c>).
/// Each deployment can be scripted to answer well, slowly, with 429 and a retry-after, with 5xx, with a
/// content-filter refusal, with broken JSON or with corrupted fields. A good answer is what the rules
/// extractor reads in the document (or what <see cref="Answer"/> says).
/// </summary>
public sealed class ModelEmulator : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Behaviour>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Behaviour> _defaults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EmulatedUsage> _usage = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Corruption> _corruption = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, QuotaLedger> _quotas = new(StringComparer.Ordinal);
    private Faults? _faults;
    private long _sequence;
    private int _inFlight;
    private int _peakInFlight;

    private ModelEmulator(WebApplication app)
    {
        _app = app;
        FineTuning = new FineTuningRoutes(this);
    }

    public int Port { get; private set; }

    /// <summary>The TLS port, where Azure Resource Manager's routes are reached (ARM clients send tokens only over https).</summary>
    public int TlsPort { get; private set; }

    /// <summary>The base address for <c>Training:Arm:Endpoint</c>.</summary>
    public Uri ArmEndpoint => new($"https://127.0.0.1:{TlsPort}/");

    /// <summary>The SHA-256 thumbprint of the emulator's self-signed certificate (<c>Training:Arm:TrustedCertificateSha256</c>).</summary>
    public string CertificateSha256 { get; private set; } = "";

    /// <summary>Files, fine-tuning jobs and ARM deployments.</summary>
    public FineTuningRoutes FineTuning { get; }

    /// <summary>Base address for <c>Model:Provider=azure-openai</c>.</summary>
    public Uri AzureEndpoint => new($"http://127.0.0.1:{Port}/");

    /// <summary>Base address for <c>Model:Provider=openai-compatible</c>.</summary>
    public Uri OpenAIEndpoint => new($"http://127.0.0.1:{Port}/v1");

    public ConcurrentQueue<ReceivedCall> Calls { get; } = new();

    /// <summary>Whether <see cref="Calls"/> keeps every request (for tests); off for long measurements, where it would only grow.</summary>
    public bool RecordCalls { get; set; } = true;

    /// <summary>The right answer for a document; by default what the rules extractor reads in it.</summary>
    public Func<LiabilityType, string, ExtractedFields> Answer { get; set; } = (type, document) => RulesExtractor.Extract(type, document);

    /// <summary>Added before every good answer, to look like a model's latency.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>The most chat calls in progress at once since the start or the last <see cref="ResetPeak"/>: what a caller's concurrency limit let through.</summary>
    public int PeakConcurrentCalls => Volatile.Read(ref _peakInFlight);

    public void ResetPeak() => Volatile.Write(ref _peakInFlight, Volatile.Read(ref _inFlight));

    /// <summary>The document a recorded call asked about, as the prompt carries it.</summary>
    public static string DocumentOf(ReceivedCall call) => ReadDocument((call ?? throw new ArgumentNullException(nameof(call))).Body).Document;

    public static async Task<ModelEmulator> StartAsync(int port = 0, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var certificate = SelfSignedCertificate.ForLoopback();
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, port);
            o.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate));
        });
        var app = builder.Build();
        var emulator = new ModelEmulator(app) { CertificateSha256 = certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256) };
        app.MapPost("/openai/deployments/{deployment}/chat/completions", (string deployment, HttpContext http) => emulator.HandleAsync(deployment, azure: true, http));
        app.MapPost("/v1/chat/completions", (HttpContext http) => emulator.HandleAsync(null, azure: false, http));
        // The quota's counters, for a benchmark that runs the emulator as its own process.
        app.MapGet("/emulator/quota/{deployment}", (string deployment) => emulator.QuotaCountersOf(deployment) is { } counters
            ? Results.Json(new { counters, goodputShare = counters.GoodputShare(emulator._quotas[deployment].Settings) }, Json)
            : Results.NotFound());
        emulator.FineTuning.Map(app);
        await app.StartAsync(cancellationToken);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        emulator.Port = addresses.First(a => a.Scheme == "http").Port;
        emulator.TlsPort = addresses.First(a => a.Scheme == "https").Port;
        return emulator;
    }

    /// <summary>The next calls to <paramref name="deployment"/> behave like this, in order; then its default.</summary>
    public void Script(string deployment, params Behaviour[] behaviours)
    {
        var queue = _scripts.GetOrAdd(deployment, _ => new ConcurrentQueue<Behaviour>());
        foreach (var behaviour in behaviours)
        {
            queue.Enqueue(behaviour);
        }
    }

    /// <summary>How <paramref name="deployment"/> answers once its script is used up (good, unless set).</summary>
    public void Default(string deployment, Behaviour behaviour) => _defaults[deployment] = behaviour;

    /// <summary>Report these token counts for <paramref name="deployment"/> instead of an estimate.</summary>
    public void ReportUsage(string deployment, EmulatedUsage usage) => _usage[deployment] = usage;

    /// <summary>Make a deterministic <paramref name="share"/> of <paramref name="deployment"/>'s good answers wrong (see <see cref="Corruption"/>).</summary>
    public void CorruptShare(string deployment, double share, int seed) => _corruption[deployment] = new Corruption(share, seed);

    /// <summary>Puts <paramref name="deployment"/> under a quota (<see cref="QuotaSettings"/>), its counters from zero.</summary>
    public void Quota(string deployment, QuotaSettings quota) => _quotas[deployment] = new QuotaLedger(quota);

    /// <summary>What <paramref name="deployment"/>'s quota admitted and refused, or null when it has none.</summary>
    public QuotaCounters? QuotaCountersOf(string deployment) => _quotas.TryGetValue(deployment, out var ledger) ? ledger.Counters() : null;

    /// <summary>
    /// A <paramref name="share"/> of every deployment's calls (after any script) fails at random: 429, 500,
    /// 503, an answer slower than <paramref name="slow"/>, or text that is not JSON — the faults a real
    /// deployment has, for fault runs (scripts/chaos).
    /// </summary>
    public void FaultShare(double share, int seed, TimeSpan slow) => _faults = new Faults(share, seed, slow);

    /// <summary>Answer from gold labels: the (redacted, as the model sees it) document of each account in <paramref name="batchPath"/> maps to its fields in <paramref name="goldPath"/>.</summary>
    public void AnswerFromGold(string batchPath, string goldPath)
    {
        var documents = File.ReadLines(batchPath).Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => e.GetProperty("accountId").GetString()!, e => Redaction.Apply(e.GetProperty("source").GetProperty("text").GetString()!));
        var answers = File.ReadLines(goldPath).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => documents.ContainsKey(e.GetProperty("accountId").GetString()!))
            .GroupBy(e => documents[e.GetProperty("accountId").GetString()!], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => ContractJson.Deserialize<ExtractedFields>(g.First().GetProperty("fields").GetRawText())!, StringComparer.Ordinal);
        var fallback = Answer;
        Answer = (type, document) => answers.TryGetValue(document, out var fields) ? fields : fallback(type, document);
    }

    /// <summary>Completes when the process is told to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public int CallsTo(string deployment) => Calls.Count(c => c.Deployment == deployment);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(string? deployment, bool azure, HttpContext http)
    {
        var now = Interlocked.Increment(ref _inFlight);
        for (var peak = Volatile.Read(ref _peakInFlight); now > peak; peak = Volatile.Read(ref _peakInFlight))
        {
            if (Interlocked.CompareExchange(ref _peakInFlight, now, peak) == peak)
            {
                break;
            }
        }

        try
        {
            await ReceiveAsync(deployment, azure, http);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task ReceiveAsync(string? deployment, bool azure, HttpContext http)
    {
        var arrived = Stopwatch.GetTimestamp();
        using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        var request = body.RootElement.Clone();
        deployment ??= request.TryGetProperty("model", out var model) ? model.GetString() ?? "" : "";
        var authorization = http.Request.Headers.Authorization.ToString();
        if (RecordCalls)
        {
            Calls.Enqueue(new ReceivedCall(deployment, azure, http.Request.Headers["api-key"].FirstOrDefault(),
                authorization.StartsWith("Bearer ", StringComparison.Ordinal), request, DateTimeOffset.UtcNow));
        }

        var loaded = TimeSpan.Zero;
        if (_quotas.TryGetValue(deployment, out var quota))
        {
            if (!quota.TryAdmit(EstimatedTokens(request), out var retryAfter, out var holding))
            {
                http.Response.Headers["retry-after-ms"] = ((int)Math.Ceiling(retryAfter.TotalMilliseconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await ErrorAsync(http, 429, "429", "Requests to the ChatCompletions operation have exceeded the rate limit of your deployment's quota.");
                return;
            }

            loaded = quota.Settings.LatencyPerCallInFlight * holding;
        }

        try
        {
            await AnswerAsync(deployment, request, http, arrived, loaded);
        }
        finally
        {
            quota?.Release();
        }
    }

    /// <summary>Tokens as Azure OpenAI charges them on arrival: the prompt's estimate and the most the answer may use.</summary>
    private static int EstimatedTokens(JsonElement request)
    {
        var prompt = Math.Max(1, request.GetProperty("messages").GetRawText().Length / 4);
        var answer = request.TryGetProperty("max_completion_tokens", out var completion) && completion.ValueKind == JsonValueKind.Number ? completion.GetInt32()
            : request.TryGetProperty("max_tokens", out var max) && max.ValueKind == JsonValueKind.Number ? max.GetInt32()
            : 1_000;
        return prompt + answer;
    }

    private async Task AnswerAsync(string deployment, JsonElement request, HttpContext http, long arrived, TimeSpan loaded)
    {
        var behaviour = _scripts.TryGetValue(deployment, out var queue) && queue.TryDequeue(out var next)
            ? next
            : _faults?.Next() ?? _defaults.GetValueOrDefault(deployment, Behaviour.Good);
        switch (behaviour)
        {
            case GoodAnswer good:
                var (type, document) = ReadDocument(request);
                var right = Answer(type, document);
                var content = _corruption.TryGetValue(deployment, out var corruption) ? corruption.Apply(right, document) : null;
                await WaitOutAsync(arrived, good.Delay + Latency + loaded, http.RequestAborted);
                await CompletionAsync(http, deployment, request, content ?? ContractJson.Serialize(right), "stop");
                break;
            case CorruptedAnswer corrupted:
                var (corruptType, corruptDocument) = ReadDocument(request);
                var wrong = ContractJson.Serialize(corrupted.Transform(Answer(corruptType, corruptDocument)));
                await WaitOutAsync(arrived, Latency + loaded, http.RequestAborted);
                await CompletionAsync(http, deployment, request, wrong, "stop");
                break;
            case RawContentAnswer raw:
                await CompletionAsync(http, deployment, request, raw.Content, "stop");
                break;
            case CompletionFilteredAnswer:
                await CompletionAsync(http, deployment, request, "", "content_filter");
                break;
            case RateLimitedAnswer limited:
                if (limited.InSeconds)
                {
                    http.Response.Headers["retry-after"] = (limited.RetryAfterMs / 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                else
                {
                    http.Response.Headers["retry-after-ms"] = limited.RetryAfterMs.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await ErrorAsync(http, 429, "429", "Requests to the ChatCompletions operation have exceeded the rate limit.");
                break;
            case ServerErrorAnswer error:
                await ErrorAsync(http, error.Status, "InternalServerError", "The server had an error while processing your request.");
                break;
            case PromptFilteredAnswer:
                await ErrorAsync(http, 400, "content_filter", "The response was filtered due to the prompt triggering the content management policy.");
                break;
            default:
                throw new InvalidOperationException($"Unknown behaviour {behaviour}.");
        }
    }

    /// <summary>Answers no sooner than <paramref name="latency"/> after arrival: the emulator's own work counts toward it, as a model's does.</summary>
    private static Task WaitOutAsync(long arrived, TimeSpan latency, CancellationToken cancellationToken)
    {
        var left = latency - Stopwatch.GetElapsedTime(arrived);
        return left > TimeSpan.Zero ? Task.Delay(left, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>The liability type and the document, read back out of the prompt's user message.</summary>
    private static (LiabilityType Type, string Document) ReadDocument(JsonElement request)
    {
        var user = request.GetProperty("messages").EnumerateArray()
            .Last(m => m.GetProperty("role").GetString() == "user").GetProperty("content").GetString()!;
        var type = user.Split('\n').First(l => l.StartsWith("Liability type: ", StringComparison.Ordinal))["Liability type: ".Length..].Trim();
        var document = user[(user.IndexOf(ExtractionPrompt.DocumentMarker, StringComparison.Ordinal) + ExtractionPrompt.DocumentMarker.Length + 1)..];
        return (ContractJson.ParseWireName<LiabilityType>(type), document);
    }

    private async Task CompletionAsync(HttpContext http, string deployment, JsonElement request, string content, string finishReason)
    {
        var usage = _usage.TryGetValue(deployment, out var fixedUsage)
            ? fixedUsage
            : new EmulatedUsage(Math.Max(1, request.GetProperty("messages").GetRawText().Length / 4), Math.Max(1, content.Length / 4));
        var response = new
        {
            id = $"chatcmpl-emu-{Interlocked.Increment(ref _sequence)}",
            @object = "chat.completion",
            created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            model = deployment,
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = finishReason } },
            usage = new
            {
                prompt_tokens = usage.PromptTokens,
                completion_tokens = usage.CompletionTokens,
                total_tokens = usage.PromptTokens + usage.CompletionTokens,
                prompt_tokens_details = new { cached_tokens = usage.CachedTokens },
            },
        };
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(JsonSerializer.Serialize(response, Json), http.RequestAborted);
    }

    private static async Task ErrorAsync(HttpContext http, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(JsonSerializer.Serialize(new { error = new { code, message, status } }, Json), http.RequestAborted);
    }
}
