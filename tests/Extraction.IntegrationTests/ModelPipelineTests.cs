using System.Text.Json;
using Extraction.Cli;
using Extraction.Core.Contracts;
using Extraction.Core.Prompting;
using Extraction.Core.Tests;
using Extraction.IntegrationTests.TestKit;
using Extraction.ModelEmulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Extraction.IntegrationTests.TestKit.ModelUnderTest;

namespace Extraction.IntegrationTests;

/// <summary>The batch path with the Azure OpenAI model: real client, emulator on loopback, Azurite, in-process engine.</summary>
public sealed class ModelPipelineTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private ModelEmulator.ModelEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await ModelEmulator.ModelEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Extract_run_with_azure_openai_completes_the_batch_and_reports_cost_and_latency_by_deployment()
    {
        _emulator.Script(Student, Behaviour.Raw("{oops"), Behaviour.ServerError(500), Behaviour.Raw("[]"));
        _emulator.Latency = TimeSpan.FromMilliseconds(5);
        var batch = await Pipeline.WriteBatchFileAsync([.. ReferenceSamples.BatchLines().Take(40)]);
        var output = Path.ChangeExtension(batch, ".out.jsonl");
        var id = Guid.NewGuid().ToString("N")[..8];
        string[] args =
        [
            "run", batch, "--out", output,
            .. Settings(_emulator).Select(s => $"--{s.Key}={s.Value}"),
            $"--Storage:ConnectionString={azurite.ConnectionString}", $"--Storage:ResultsTable=model{id}",
            $"--Storage:BatchesContainer=model-batches-{id}", $"--Storage:RawContainer=model-raw-{id}", $"--Storage:WorkContainer=model-work-{id}",
        ];
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CliApp.RunAsync(args, stdout, stderr);

        Assert.True(code == 0, stderr.ToString());
        var results = File.ReadLines(output).Select(l => ContractJson.Deserialize<ExtractionResult>(l)!).ToList();
        Assert.Equal(40, results.Count);
        Assert.All(results, r => Assert.Equal(ResultStatus.Extracted, r.Status));
        var byTeacher = results.Where(r => r.Model == Teacher).ToList();
        // Each scripted failure costs one more call: two go to the teacher, the 500 is retried on the student.
        Assert.Equal(2, byTeacher.Count);
        Assert.All(results, r => Assert.True(r.CostUsd > 0));
        Assert.Equal(40 + 3, results.Sum(r => r.Attempts));
        var text = stdout.ToString();
        Assert.Matches($@"{Student}\s+{40 - byTeacher.Count} accounts\s+\$0\.\d{{4}}\s+p50 \d+ ms, p95 \d+ ms", text);
        Assert.Matches($@"{Teacher}\s+{byTeacher.Count} accounts\s+\$0\.\d{{4}}\s+p50 \d+ ms, p95 \d+ ms", text);
    }

    [Fact]
    public async Task The_raw_record_keeps_every_attempt_with_status_timing_deployment_and_prompt_version_but_no_key()
    {
        _emulator.Script(Student, Behaviour.ServerError(502), Behaviour.Raw("{\"nope\":1}"));
        await using var pipeline = await Pipeline.StartAsync(azurite, Settings(_emulator));
        var batch = new BatchRef("acme", "raw");

        await pipeline.RunFileAsync(batch, await Pipeline.WriteBatchFileAsync(ReferenceSamples.BatchLines()[0]));

        var result = Assert.Single(await pipeline.ResultsOfAsync(batch)).Result;
        Assert.Equal((ResultStatus.Extracted, Teacher, 3), (result.Status, result.Model, result.Attempts));
        var blob = await pipeline.Storage.Container(pipeline.StorageOptions.RawContainer).GetBlobClient($"acme/raw/000000001-{result.AccountId}.json").DownloadContentAsync();
        var text = blob.Value.Content.ToString();
        Assert.DoesNotContain(ApiKey, text, StringComparison.Ordinal);
        using var raw = JsonDocument.Parse(text);
        var attempts = raw.RootElement.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal(
            [(Student, "server_error", 502), (Student, "invalid_output", 200), (Teacher, "ok", 200)],
            attempts.Select(a => (a.GetProperty("model").GetString(), a.GetProperty("outcome").GetString(), a.GetProperty("statusCode").GetInt32())));
        Assert.All(attempts, a =>
        {
            Assert.Equal(ExtractionPrompt.Version, a.GetProperty("promptVersion").GetString());
            Assert.True(a.GetProperty("latencyMs").GetInt64() >= 0);
            Assert.Contains("--- document ---", a.GetProperty("request").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(a.GetProperty("response").GetString()));
        });
        Assert.Contains("missing key payoffAmount", attempts[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        // The answer as the model wrote it, apart from the provider's response envelope: what evaluation reads.
        Assert.Equal("{\"nope\":1}", attempts[1].GetProperty("answer").GetString());
        Assert.True(AnswerParser.TryParse(attempts[2].GetProperty("answer").GetString(), out var teacherFields, out _));
        Assert.Equal(result.Fields, teacherFields);
        Assert.False(attempts[0].TryGetProperty("answer", out var none) && none.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task No_key_document_text_or_account_number_reaches_a_log_line()
    {
        _emulator.Script(Student, Behaviour.Raw("{oops"), Behaviour.RateLimited(20), Behaviour.PromptFiltered);
        var logs = new CapturedLogs();
        var settings = Settings(_emulator);
        settings["Logging:LogLevel:Default"] = "Trace";
        settings["Logging:Console:LogLevel:Default"] = "Warning"; // every line to the capture, the test output stays quiet
        await using var pipeline = await Pipeline.StartAsync(azurite, settings, s => s.AddLogging(b => b.AddProvider(logs)));
        var lines = ReferenceSamples.BatchLines().Take(25).ToArray();
        var batch = new BatchRef("acme", "logs");

        var outcome = await pipeline.RunFileAsync(batch, await Pipeline.WriteBatchFileAsync(lines));

        Assert.True(outcome.Succeeded, outcome.Failure);
        var rows = await pipeline.ResultsOfAsync(batch);
        Assert.Single(rows, r => r.Result.Status == ResultStatus.Failed);
        var logged = string.Join("\n", logs.Lines);
        Assert.Contains("Model call 1 to student-ft ended ok", logged, StringComparison.Ordinal);
        Assert.Contains("asking teacher", logged, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, logged, StringComparison.Ordinal);
        foreach (var line in lines)
        {
            var document = JsonDocument.Parse(line).RootElement.GetProperty("source").GetProperty("text").GetString()!;
            foreach (var sentence in document.Split('\n').Select(s => s.Trim()).Where(s => s.Length >= 16))
            {
                Assert.DoesNotContain(sentence, logged, StringComparison.Ordinal);
            }
        }

        foreach (var last4 in ReferenceSamples.Gold().Values.Select(f => f.AccountLast4).OfType<string>())
        {
            Assert.DoesNotMatch($@"(ending in|XXXXXX|\*\*\*\*\*\*){last4}", logged);
        }
    }
}
