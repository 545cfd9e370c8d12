using System.Diagnostics;
using System.Text.Json;
using Extraction.Cli.Local;
using Extraction.IntegrationTests.TestKit;

namespace Extraction.IntegrationTests;

/// <summary>
/// SIGTERM is what <c>timeout</c>, <c>docker stop</c> and CI send: every long-running verb ends within 15 s
/// of it, leaving what was in flight finished or resumable. The CLI runs as its own process here.
/// </summary>
public sealed class SignalTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan StopWithin = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Sigterm_ends_extract_run_mid_batch_within_15_s_and_the_same_command_resumes_to_one_result_per_line()
    {
        var folder = Directory.CreateTempSubdirectory("sigterm-").FullName;
        var batch = Path.Combine(folder, "batch.jsonl");
        var output = Path.Combine(folder, "results.jsonl");
        Assert.Equal(0, (await CliRunner.RunAsync(["generate", "--count", "1500", "--out", batch, "--seed", "7"])).Code);
        // Small sequential chunks: slow enough that the signal lands mid-batch.
        string[] run = ["run", batch, "--out", output, "--partner", "sig", $"--Storage:ConnectionString={azurite.ConnectionString}",
            "--Batch:ChunkSize=10", "--Batch:MaxParallelChunks=1"];

        using (var cli = CliProcess.Start(run))
        {
            Assert.True(await cli.WaitForOutputAsync(o => System.Text.RegularExpressions.Regex.IsMatch(o, @"accounts [1-9][0-9]*/"), TimeSpan.FromMinutes(2)), cli.Stderr);
            var clock = Stopwatch.StartNew();
            cli.Signal(CliProcess.SigTerm);

            var code = await cli.WaitForExitAsync(StopWithin);

            Assert.True(code is not null, $"still running {clock.Elapsed.TotalSeconds:F0} s after SIGTERM:\n{cli.Stderr}");
            Assert.True(code == 1, $"exit {code}:\n{cli.Stderr}");
            Assert.Contains("run the same command again to resume", cli.Stderr, StringComparison.OrdinalIgnoreCase);
        }

        var (again, stdout, stderr) = await CliRunner.RunAsync([.. run[..^2]]);

        Assert.True(again == 0, stderr);
        Assert.DoesNotMatch(@"resumed\s+0\b", stdout);
        var ids = File.ReadLines(output).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("accountId").GetString()).ToList();
        Assert.Equal(1500, ids.Count);
        Assert.Equal(1500, ids.Distinct().Count());
    }

    [Fact]
    public async Task Sigterm_ends_extract_serve_within_15_s()
    {
        var port = LocalEngine.FreeLoopbackPort();
        using var cli = CliProcess.Start("serve", "--port", $"{port}", $"--Storage:ConnectionString={azurite.ConnectionString}");
        Assert.True(await cli.WaitForOutputAsync(o => o.Contains("Serving the extraction API", StringComparison.Ordinal), TimeSpan.FromMinutes(1)), cli.Stderr);
        using (var http = new HttpClient())
        {
            var answer = await http.GetAsync($"http://127.0.0.1:{port}/api/batches/none");
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, answer.StatusCode);
        }

        cli.Signal(CliProcess.SigTerm);

        Assert.Equal(0, await cli.WaitForExitAsync(StopWithin));
    }
}
