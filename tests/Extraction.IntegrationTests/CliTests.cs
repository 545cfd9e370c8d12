using System.Text.Json;
using Extraction.Core.Batches;
using Extraction.Core.Tests;
using Extraction.IntegrationTests.TestKit;

namespace Extraction.IntegrationTests;

/// <summary>The <c>extract</c> command itself, end to end, on Azurite.</summary>
public sealed class CliTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Extract_run_writes_one_result_line_per_input_line_and_a_rerun_resumes()
    {
        var output = Path.Combine(Path.GetTempPath(), $"results-{Guid.NewGuid():N}.jsonl");
        string[] args = ["run", ReferenceSamples.BatchPath, "--out", output, "--partner", "cli", .. StorageArgs()];

        var (code, stdout, stderr) = await CliRunner.RunAsync(args);

        Assert.True(code == 0, stderr);
        var inputIds = ReferenceSamples.BatchLines().Select(l => JsonDocument.Parse(l).RootElement.GetProperty("accountId").GetString());
        var outputIds = File.ReadLines(output).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("accountId").GetString());
        Assert.Equal(inputIds, outputIds);
        Assert.Matches(@"accounts\s+200", stdout);
        Assert.Matches(@"extracted\s+200", stdout);
        Assert.Matches(@"latency\s+p50 \d+ ms, p95 \d+ ms", stdout);
        Assert.Matches(@"resumed\s+0", stdout);

        var (again, rerunOut, rerunErr) = await CliRunner.RunAsync(args);

        Assert.True(again == 0, rerunErr);
        Assert.Matches(@"resumed\s+200", rerunOut);
        Assert.Equal(200, File.ReadLines(output).Count());
    }

    [Fact]
    public async Task Extract_run_on_the_azure_storage_engine_with_a_worker_of_its_own_writes_every_result()
    {
        var output = Path.Combine(Path.GetTempPath(), $"results-{Guid.NewGuid():N}.jsonl");
        var hub = $"cli{Guid.NewGuid():N}";

        var (code, stdout, stderr) = await CliRunner.RunAsync(
            ["run", ReferenceSamples.BatchPath, "--out", output, "--partner", "cli-as", "--engine", "azure-storage", $"--Durable:TaskHub={hub}", .. StorageArgs()]);

        Assert.True(code == 0, stderr);
        Assert.Matches(@"extracted\s+200", stdout);
        Assert.Equal(200, File.ReadLines(output).Count());
        // The batch ran on the task hub named (this test's own): the backend keeps its instances there.
        var instances = new Azure.Data.Tables.TableClient(azurite.ConnectionString, $"{hub}Instances");
        var rows = 0;
        await foreach (var _ in instances.QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            rows++;
        }

        Assert.True(rows > 0, $"no instance of the batch in {hub}Instances");
    }

    [Theory]
    [InlineData("--engine=bogus", "Argument 'bogus' not recognized. Must be one of:")]
    [InlineData("--Durable:Engine=bogus", "Durable:Engine must be 'in-memory' or 'azure-storage'; got 'bogus'")]
    [InlineData("--Durable:TaskHub=my-hub", "Durable:TaskHub must be 3–45 letters and digits")]
    [InlineData("--Durable:PartitionCount=32", "Durable:PartitionCount must be from 1 to 16")]
    [InlineData("--workers=0", "--workers other than 1 needs --engine azure-storage")]
    public async Task Bad_durable_settings_stop_extract_run_before_anything_starts_with_a_message_naming_the_setting(string setting, string message)
    {
        var (code, _, stderr) = await CliRunner.RunAsync(["run", ReferenceSamples.BatchPath, setting, .. StorageArgs()]);

        Assert.Equal(2, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_generate_writes_valid_batch_lines_and_their_gold()
    {
        var batch = Path.Combine(Path.GetTempPath(), $"gen-{Guid.NewGuid():N}.jsonl");
        var gold = Path.ChangeExtension(batch, ".gold.jsonl");

        var (code, _, stderr) = await CliRunner.RunAsync(["generate", "--count", "60", "--out", batch, "--gold", gold, "--invalid-every", "20"]);

        Assert.True(code == 0, stderr);
        var lines = new List<BatchLine>();
        await using (var file = File.OpenRead(batch))
        {
            await foreach (var line in BatchReader.ReadAsync(file))
            {
                lines.Add(line);
            }
        }

        Assert.Equal(60, lines.Count);
        Assert.Equal(3, lines.Count(l => l.Invalid is not null));
        Assert.Equal(57, File.ReadLines(gold).Count());
        Assert.True(lines.Select(l => l.Item?.Source.Text).Distinct().Count() > 50, "documents should differ");
    }

    [Fact]
    public async Task Extract_eval_scores_a_batch_against_gold_and_writes_a_report_and_a_chart()
    {
        var lines = ReferenceSamples.BatchLines().Take(30).ToArray();
        var batch = await Pipeline.WriteBatchFileAsync(lines);
        var ids = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("accountId").GetString()).ToHashSet();
        var gold = Path.ChangeExtension(batch, ".gold.jsonl");
        await File.WriteAllLinesAsync(gold, File.ReadLines(ReferenceSamples.GoldPath).Where(l => ids.Contains(JsonDocument.Parse(l).RootElement.GetProperty("accountId").GetString())));
        var outDir = Path.Combine(Path.GetTempPath(), $"eval-{Guid.NewGuid():N}");

        var (code, stdout, stderr) = await CliRunner.RunAsync(["eval", batch, gold, "--out", outDir, .. StorageArgs()]);

        Assert.True(code == 0, stderr);
        Assert.Contains("| rules | 30 | 0.0% | 100.0% | 0.0% | 0.0% | 0.0% |", stdout, StringComparison.Ordinal);
        Assert.StartsWith((await File.ReadAllTextAsync(Path.Combine(outDir, "report.md"))).TrimEnd(), stdout, StringComparison.Ordinal);
        var chart = System.Xml.Linq.XDocument.Load(Path.Combine(outDir, "chart.svg"));
        Assert.Equal("svg", chart.Root!.Name.LocalName);
        Assert.Contains(chart.Descendants(), e => e.Name.LocalName == "circle");
    }

    [Fact]
    public async Task Invalid_configuration_stops_the_run_before_anything_starts_and_names_the_key()
    {
        var (code, _, stderr) = await CliRunner.RunAsync(["run", ReferenceSamples.BatchPath, "--Batch:ChunkSize=0", "--Model:Provider=gpt", .. StorageArgs()]);

        Assert.Equal(2, code);
        Assert.Contains("ChunkSize", stderr, StringComparison.Ordinal);
        Assert.Contains("Model:Provider must be rules, azure-openai or openai-compatible", stderr, StringComparison.Ordinal);
    }

    private string[] StorageArgs()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        return
        [
            $"--Storage:ConnectionString={azurite.ConnectionString}",
            $"--Storage:ResultsTable=cli{id}",
            $"--Storage:BatchesContainer=cli-batches-{id}",
            $"--Storage:RawContainer=cli-raw-{id}",
            $"--Storage:WorkContainer=cli-work-{id}",
            $"--Storage:IncomingContainer=cli-in-{id}",
        ];
    }
}
