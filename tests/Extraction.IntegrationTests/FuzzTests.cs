using System.Net;
using System.Text;
using System.Text.Json;
using Extraction.Core.Batches;
using Extraction.Core.Contracts;
using Extraction.Core.Orchestration;
using Extraction.Core.Tests;
using Extraction.IntegrationTests.TestKit;
using Xunit.Abstractions;

namespace Extraction.IntegrationTests;

/// <summary>
/// Generated bad input, reproducible from a seed: batch lines, HTTP requests to <c>extract serve</c> and
/// blob uploads. Nothing crashes, nothing answers 500, every refusal is problem+json naming the problem,
/// and the valid input mixed in comes out whole. <c>FUZZ_COUNT</c> (default 1,500 — scripts/fuzz runs
/// 12,000) and <c>FUZZ_SEED</c> set the size and the seed; the figures go to the test output and, with
/// <c>FUZZ_REPORT</c>, to that file.
/// </summary>
public sealed class FuzzTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private static readonly int Count = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_COUNT"), out var n) ? n : 1_500;
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var s) ? s : 1;

    [Fact]
    public async Task Generated_bad_batch_lines_each_become_one_named_invalid_input_and_valid_lines_come_through_unchanged()
    {
        var random = new Random(Seed);
        var lines = new List<(byte[] Bytes, string? ValidId, string? Text)>();
        for (var i = 0; i < Count * 6 / 10; i++)
        {
            if (i % 5 == 0)
            {
                var text = $"Payoff amount ${random.Next(100, 99_999)}.{random.Next(10, 99)} good through 2026-12-31 \u00e9\u4e2d";
                var id = $"ok-{i}";
                lines.Add((Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { accountId = id, liabilityType = "auto_loan", source = new { kind = "payoff_letter", text } })), id, text));
            }
            else
            {
                lines.Add((FuzzInput.BadLine(random, i), null, null));
            }
        }

        var file = lines.SelectMany(l => l.Bytes.Append((byte)'\n')).ToArray();
        var read = new List<BatchLine>();
        await foreach (var line in BatchReader.ReadAsync(new MemoryStream(file)))
        {
            read.Add(line);
        }

        // A bad line may hide a newline (inside random bytes) or be blank; what counts is that every line the
        // splitter sees comes out once, and every valid line whole.
        Assert.Equal(read.Count, read.Select(l => l.Number).Distinct().Count());
        var readById = read.Where(r => r.Item is not null).ToLookup(r => r.Item!.AccountId);
        var valid = 0;
        foreach (var line in lines.Where(l => l.ValidId is not null))
        {
            Assert.Equal(line.Text, Assert.Single(readById[line.ValidId!]).Item!.Source.Text);
            valid++;
        }

        Assert.All(read.Where(r => r.Item is null), r => Assert.StartsWith($"Line {r.Number} breaks batch.v1: ", r.Invalid!.Reason, StringComparison.Ordinal));
        Report($"batch lines: {lines.Count:N0} generated ({lines.Count - valid:N0} bad), {read.Count:N0} read, {read.Count(r => r.Item is null):N0} invalid_input with a reason, {valid:N0} valid of {valid:N0} unchanged");
    }

    [Fact]
    public async Task Generated_bad_requests_never_get_a_500_and_every_refusal_is_problem_json_naming_the_problem()
    {
        await using var served = await ServedApi.StartAsync(azurite, "fuzz", new Dictionary<string, string?> { ["Batch:MaxRequestBytes"] = "200000", ["Batch:MaxAccountsPerRequest"] = "50" });
        var random = new Random(Seed);
        var statuses = new SortedDictionary<int, int>();
        var serverLayer = 0;
        var requests = Count * 4 / 10;
        for (var i = 0; i < requests; i++)
        {
            using var request = FuzzInput.BadRequest(random, i);
            HttpResponseMessage answer;
            try
            {
                answer = await served.Http.SendAsync(request);
            }
            catch (HttpRequestException ex)
            {
                Assert.Fail($"request {i} ({request.Method} {request.RequestUri}): the connection failed: {ex.InnerException?.Message ?? ex.Message}");
                throw;
            }

            var status = (int)answer.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var body = await answer.Content.ReadAsStringAsync();
            Assert.True(status < 500, $"request {i} ({request.Method} {request.RequestUri}) got {status}: {body}");
            if (status == 400 && request.RequestUri!.OriginalString.Contains("%00", StringComparison.Ordinal))
            {
                // A NUL in the decoded path: Kestrel refuses it before the app, bare (see the malformed requests below).
                serverLayer++;
                continue;
            }

            if (status >= 400)
            {
                Assert.True(answer.Content.Headers.ContentType?.MediaType == "application/problem+json", $"request {i} ({request.Method} {request.RequestUri}, {request.Content?.Headers.ContentType}) got a bare {status}: {body}");
                Assert.False(string.IsNullOrWhiteSpace(JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()), $"request {i}: no detail");
            }
        }

        // Malformed HTTP itself (NUL or control characters in a header, a broken request line): Kestrel refuses it
        // before any application code runs, with a bare 400 it offers no hook to shape (dotnet/aspnetcore#28248).
        // What must hold: a 400, and a server that answers the next request.
        string[] malformed = ["GET /api/batches/x HTTP/1.1\r\nHost: a\r\nx-partner-id: ac\0me\r\n\r\n", "GET /api/batches/x HTTP/1.1\r\nHost: a\r\nx-partner-id: a\u0001b\r\n\r\n",
            "GARBAGE\r\n\r\n", "GET /api/batches/x HTTP/9.9\r\nHost: a\r\n\r\n", "GET /api/\u0000 HTTP/1.1\r\nHost: a\r\n\r\n"];
        foreach (var raw in malformed)
        {
            var first = await RawHttpAsync(served.Http.BaseAddress!, raw);
            // Either Kestrel's bare refusal or, where Kestrel lets it through, the app's own 4xx.
            Assert.True(first.StartsWith("HTTP/1.1 4", StringComparison.Ordinal) || first.StartsWith("HTTP/1.1 505", StringComparison.Ordinal), $"{raw.ReplaceLineEndings(" ")} → {first}");
        }

        // After the storm: a valid batch runs whole, nothing in it lost or rewritten.
        var lines = ReferenceSamples.BatchLines().Take(12).ToList();
        var started = await served.Http.PostAsync("batches?batchId=after-fuzz", new StringContent(string.Join("\n", lines), Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var batch = new BatchRef("fuzz", "after-fuzz");
        await served.Pipeline.WaitAsync(BatchInput.InstanceIdFor(batch));
        var results = await served.Pipeline.ResultsOfAsync(batch);
        Assert.Equal(lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("accountId").GetString()), results.Select(r => r.Result.AccountId));
        Report($"http: {requests:N0} generated requests, 0 answered 500, statuses {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}; {serverLayer} with a NUL in the path and {malformed.Length} malformed at the HTTP layer, each refused with a 4xx or 505; a valid batch after them: {results.Count} of {lines.Count} results");
    }

    [Fact]
    public async Task Generated_bad_uploads_end_as_a_named_failure_or_one_result_per_line_never_a_stuck_batch()
    {
        await using var pipeline = await Pipeline.StartAsync(azurite);
        var random = new Random(Seed);
        var container = pipeline.Storage.Container(pipeline.StorageOptions.IncomingContainer);
        var uploads = Math.Max(10, Count / 100);
        int failed = 0, completed = 0;
        for (var i = 0; i < uploads; i++)
        {
            var content = FuzzInput.BadFile(random);
            await container.GetBlobClient($"fuzz/upload-{Seed}-{i}.jsonl").UploadAsync(BinaryData.FromBytes(content), overwrite: true);
            var (_, batch) = await pipeline.Intake.AcceptUploadAsync(pipeline.Client, "fuzz", $"upload-{Seed}-{i}.jsonl");
            var run = await pipeline.WaitAsync(BatchInput.InstanceIdFor(batch!));
            if (run.RuntimeStatus == Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Failed)
            {
                Assert.Contains("The file is not", run.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
                failed++;
                continue;
            }

            Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
            var expected = 0;
            await foreach (var _ in BatchReader.ReadAsync(new MemoryStream(content)))
            {
                expected++;
            }

            Assert.Equal(expected, (await pipeline.ResultsOfAsync(batch!)).Count);
            completed++;
        }

        Report($"uploads: {uploads} generated files, {failed} refused whole with a reason, {completed} completed with one result per line");
    }

    private static async Task<string> RawHttpAsync(Uri address, string request)
    {
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        var buffer = new byte[512];
        var read = await stream.ReadAsync(buffer);
        return Encoding.Latin1.GetString(buffer, 0, read).Split("\r\n")[0];
    }

    private void Report(string line)
    {
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("FUZZ_REPORT") is { Length: > 0 } path)
        {
            lock (typeof(FuzzTests))
            {
                File.AppendAllText(path, line + Environment.NewLine);
            }
        }
    }
}
