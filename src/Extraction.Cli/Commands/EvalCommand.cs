using System.CommandLine;
using System.Globalization;
using Extraction.Cli.CommandLine;
using Extraction.Cli.Local;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Evaluation;
using Extraction.Tooling.Evaluation;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract eval &lt;batch.jsonl&gt; &lt;gold.jsonl&gt;</c>: runs the batch once per configuration — the
/// rules; with a model configured also the student alone, the teacher alone, and student + teacher —
/// scores each against gold, and writes a Markdown report and an SVG chart.
/// </summary>
internal static class EvalCommand
{
    public static Verb Create(CliContext cli)
    {
        var batchFile = CliOptions.ExistingFile("batch.jsonl", "the batch to run");
        var goldFile = CliOptions.ExistingFile("gold.jsonl", "its gold labels: {accountId, liabilityType, fields} per line");
        var output = new Option<string>("--out") { Description = "the folder for report.md and chart.svg", DefaultValueFactory = _ => "eval", HelpName = "DIR" };
        var variants = new Option<string>("--variants") { Description = "all: rules, student, teacher, student + teacher; current: the configuration as given", DefaultValueFactory = _ => "all" }
            .AcceptOnlyFromAmong("all", "current");
        var verb = new Verb("eval", "Run a batch once per model configuration and score each against gold: accuracy, error, latency, cost.",
            "extract eval samples/reference/batch.jsonl samples/reference/gold.jsonl --out out/eval",
            "extract eval batch.jsonl gold.jsonl --Model:Provider=azure-openai --Model:Endpoint=http://127.0.0.1:5080/ --Model:StudentDeployment=student-ft ...")
        {
            batchFile, goldFile, output, variants,
        };
        return verb.Runs(cli, (parse, cli, cancellationToken) => RunAsync(
            parse.GetRequiredValue(batchFile).FullName, parse.GetRequiredValue(goldFile).FullName, parse.GetValue(output)!, parse.GetValue(variants)!, cli, cancellationToken));
    }

    private static async Task<int> RunAsync(string batchFile, string goldFile, string outDir, string which, CliContext cli, CancellationToken cancellationToken)
    {
        var (output, progress) = (cli.Output, cli.Progress);
        var gold = await GoldLabels.ReadAsync(goldFile, cancellationToken).ConfigureAwait(false);
        await using var azurite = await Azurite.StartPrivateUnlessConfiguredAsync(cli.Overrides, cancellationToken).ConfigureAwait(false);
        var model = CliConfiguration.Build(cli.Overrides).GetSection(ModelOptions.Section).Get<ModelOptions>() ?? new ModelOptions();
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

        var reports = new List<EvaluationReport>();
        foreach (var (name, slug, settings, student, teacher) in Variants(model, which))
        {
            await progress.WriteLineAsync($"Evaluating {name}…").ConfigureAwait(false);
            var overrides = new Dictionary<string, string?>(cli.Overrides, StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in settings)
            {
                overrides[key] = value;
            }

            await using var session = await LocalSession.StartAsync(overrides, progress, cancellationToken).ConfigureAwait(false);
            var batch = new BatchRef("eval", $"{slug}-{stamp}");
            var display = new ProgressDisplay(progress);
            var outcome = await new BatchRunner(session.Services).RunAsync(batch, batchFile, display.Show, cancellationToken: cancellationToken).ConfigureAwait(false);
            display.Done(outcome.Summary);
            if (!outcome.Succeeded)
            {
                await progress.WriteLineAsync($"{name}: the batch ended {outcome.Status}: {outcome.Failure}").ConfigureAwait(false);
                return 1;
            }

            var accounts = await session.Services.GetRequiredService<EvaluationData>().CollectAsync(batch, gold, cancellationToken).ConfigureAwait(false);
            reports.Add(Evaluator.Evaluate(name, accounts, student, teacher));
        }

        Directory.CreateDirectory(outDir);
        var title = $"{Path.GetFileName(batchFile)}: error rate against cost";
        await File.WriteAllTextAsync(Path.Combine(outDir, "chart.svg"), EvaluationChart.Write(reports, title), cancellationToken).ConfigureAwait(false);
        var markdown = EvaluationMarkdown.Write(reports, Path.GetFileName(batchFile), "chart.svg");
        await File.WriteAllTextAsync(Path.Combine(outDir, "report.md"), markdown, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(markdown).ConfigureAwait(false);
        await output.WriteLineAsync($"Wrote {Path.Combine(outDir, "report.md")} and {Path.Combine(outDir, "chart.svg")}.").ConfigureAwait(false);
        return 0;
    }

    /// <summary>The configurations to compare, as configuration overrides, with the student and teacher each one has.</summary>
    private static IEnumerable<(string Name, string Slug, Dictionary<string, string?> Settings, string? Student, string? Teacher)> Variants(ModelOptions model, string which)
    {
        var teacher = string.IsNullOrWhiteSpace(model.TeacherDeployment) ? null : model.TeacherDeployment;
        if (model.UsesRules)
        {
            yield return ("rules", "rules", [], null, null);
            yield break;
        }

        if (which == "current")
        {
            yield return (Describe(model), "current", [], model.StudentDeployment, teacher);
            yield break;
        }

        yield return ("rules", "rules", new() { ["Model:Provider"] = ModelOptions.Rules }, null, null);
        yield return ($"student {model.StudentDeployment}", "student", new() { ["Model:TeacherDeployment"] = "" }, model.StudentDeployment, null);
        if (teacher is not null)
        {
            yield return ($"teacher {teacher}", "teacher", new()
            {
                ["Model:StudentDeployment"] = teacher,
                ["Model:TeacherDeployment"] = "",
                ["Model:TimeoutMs"] = model.TeacherTimeoutMs.ToString(CultureInfo.InvariantCulture),
            }, null, null);
            yield return (Describe(model), "student-teacher", [], model.StudentDeployment, teacher);
        }
    }

    private static string Describe(ModelOptions model) =>
        string.IsNullOrWhiteSpace(model.TeacherDeployment) ? $"student {model.StudentDeployment}" : $"{model.StudentDeployment} + teacher {model.TeacherDeployment}";
}
