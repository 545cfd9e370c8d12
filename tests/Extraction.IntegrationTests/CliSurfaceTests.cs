using System.CommandLine;
using System.Text.Json;
using Extraction.Cli;
using Extraction.Cli.CommandLine;
using Extraction.Core.Activities;
using Extraction.IntegrationTests.TestKit;

namespace Extraction.IntegrationTests;

/// <summary>
/// The command line as a person meets it: typos refused with the nearest name, help for every verb,
/// exit codes 0 (done), 1 (failed), 2 (usage). None of these starts storage or an engine.
/// </summary>
public sealed class CliSurfaceTests
{
    [Fact]
    public async Task A_mistyped_option_is_refused_with_exit_2_naming_it_and_the_option_meant()
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync(["run", RepoRoot.File("samples", "sample-batch.jsonl"), "--output", "r.jsonl", "--max-cots", "0.0001"]);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("Unknown option '--max-cots' for 'extract run'. Did you mean --max-cost?", stderr, StringComparison.Ordinal);
        Assert.Contains("Unknown option '--output' for 'extract run'. Did you mean --out?", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("'r.jsonl'", stderr, StringComparison.Ordinal); // the unknown option's value is not a second problem
        Assert.Contains("See 'extract run --help'.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_verb_is_refused_with_the_verb_meant()
    {
        var (code, _, stderr) = await CliRunner.RunAsync(["rn", "batch.jsonl"]);

        Assert.Equal(2, code);
        Assert.Contains("Unknown command 'rn'. Did you mean run?", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("batch.jsonl", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Batch:ChunkSze=5", "--Batch:ChunkSze: nothing binds ChunkSze in Batch. Did you mean Batch:ChunkSize?")]
    [InlineData("--Bugdet:GlobalDailyUsd=5", "--Bugdet:GlobalDailyUsd: no section Bugdet. Did you mean Budget?")]
    [InlineData("--Pricing:student:InputPerMilion=1", "nothing binds InputPerMilion in Pricing:student. Did you mean Pricing:student:InputPerMillion?")]
    [InlineData("--Budget:Partners", "--Budget:Partners needs a value")]
    [InlineData("--Budget:Partners=3", "--Budget:Partners names a section, not a value.")]
    public async Task A_configuration_key_that_nothing_binds_is_refused_before_anything_starts(string argument, string message)
    {
        var (code, _, stderr) = await CliRunner.RunAsync(["run", RepoRoot.File("samples", "sample-batch.jsonl"), argument]);

        Assert.Equal(2, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_key_of_the_sample_settings_and_the_documented_forms_are_bound()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(RepoRoot.File("local.settings.sample.json")));
        var keys = json.RootElement.GetProperty("Values").EnumerateObject()
            .Select(p => p.Name.Replace("__", ":", StringComparison.Ordinal))
            .Where(k => k.Contains(':', StringComparison.Ordinal) && !k.StartsWith("AzureFunctionsJobHost", StringComparison.Ordinal))
            .Concat(["Pricing:student-ft:InputPerMillion", "Budget:Partners:acme:DailyUsd", "Durable:Engine", "Logging:LogLevel:Default", "model:provider"])
            .ToList();

        Assert.True(keys.Count > 20, $"only {keys.Count} keys");
        Assert.All(keys, key => Assert.Null(ConfigurationKeys.Problem(key)));
    }

    [Fact]
    public async Task Run_help_exits_0_and_lists_its_options_and_examples()
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync(["run", "--help"]);

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        foreach (var expected in new[] { "extract run <batch.jsonl> [options]", "--out", "--max-cost <USD>", "--partner", "--batch-id", "--deadline-minutes", "--engine", "--workers", "Examples:", "extract run samples/sample-batch.jsonl" })
        {
            Assert.Contains(expected, stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_verb_has_help_with_a_description_and_an_example()
    {
        var verbs = Verbs(CliApp.Build(new CliContext(TextWriter.Null, TextWriter.Null, []))).ToList();
        Assert.True(verbs.Count >= 13, $"{verbs.Count} verbs");

        foreach (var (path, verb) in verbs)
        {
            var (code, stdout, _) = await CliRunner.RunAsync([.. path, "--help"]);
            Assert.True(code == 0, $"extract {string.Join(' ', path)} --help exited {code}");
            Assert.Contains(verb.Description!, stdout, StringComparison.Ordinal);
            Assert.Contains($"Examples:\n  extract {string.Join(' ', path)}", stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_top_level_help_lists_every_verb_with_a_line_of_its_own_and_the_exit_codes()
    {
        var (code, stdout, _) = await CliRunner.RunAsync(["--help"]);

        Assert.Equal(0, code);
        Assert.All(Verbs(CliApp.Build(new CliContext(TextWriter.Null, TextWriter.Null, []))).Where(v => v.Path.Length == 1), v => Assert.Contains($"  {v.Path[0]} ", stdout, StringComparison.Ordinal));
        Assert.Contains("Exit codes: 0 done; 1 the work failed", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "run", "missing.jsonl" }, "File does not exist: 'missing.jsonl'.")]
    [InlineData(new[] { "generate", "--count", "10" }, "Option '--out' is required.")]
    [InlineData(new[] { "generate", "--out", "x.jsonl", "--families", "core,held-oot" }, "--families must be a round (core, development, held-out-1, blind-2, blind-3, blind-4, blind-5, blind-6), held-out or all, or several comma-separated; got 'held-oot'. Did you mean held-out?")]
    [InlineData(new[] { "bench", "--count", "0" }, "--count must be a whole number from 1 to 1000000; got 0.")]
    [InlineData(new[] { "run", "x.jsonl", "--max-cost", "lots" }, "--max-cost must be an amount in USD, 0 or more; got 'lots'.")]
    [InlineData(new[] { "export-training", "--since", "yesterday" }, "--since must be a date (yyyy-MM-dd) or an ISO 8601 time; got 'yesterday'.")]
    [InlineData(new[] { "run", "x.jsonl", "--partner", "Acme Corp" }, "--partner: ")]
    [InlineData(new[] { "bench-realtime", "--model-latency-ms", "5", "--url", "127.0.0.1:7071" }, "--url must be an absolute http or https URL; got '127.0.0.1:7071'.")]
    [InlineData(new string[0], "extract needs a command.")]
    public async Task A_bad_value_or_a_missing_one_is_exit_2_with_a_message_naming_it(string[] args, string message)
    {
        var (code, _, stderr) = await CliRunner.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_written_to_a_log_ends_on_the_final_state_not_the_last_one_the_pacing_let_through()
    {
        using var log = new StringWriter();
        var display = new Extraction.Cli.Commands.ProgressDisplay(log); // a redirected stderr: a line every 2 s
        BatchSummary At(int done) => new(24, 1, done == 24 ? 1 : 0, StatusCounts.Zero with { Extracted = done }, 0m, 0);

        display.Show(At(0));  // within 2 s of the start: held back
        display.Show(At(10)); // within 2 s: held back
        display.Done(At(24));

        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain(lines, l => l.Contains("accounts 10/24", StringComparison.Ordinal));
        Assert.StartsWith("chunks 1/1 · accounts 24/24 · extracted 24", lines[^1], StringComparison.Ordinal);
    }

    private static IEnumerable<(string[] Path, Verb Verb)> Verbs(Command command, string[]? path = null)
    {
        foreach (var sub in command.Subcommands)
        {
            string[] here = [.. path ?? [], sub.Name];
            if (sub is Verb verb)
            {
                yield return (here, verb);
            }

            foreach (var nested in Verbs(sub, here))
            {
                yield return nested;
            }
        }
    }
}
