using System.CommandLine;
using Extraction.Cli.CommandLine;
using Extraction.Tooling.Evaluation;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract eval-checks</c>: the checks and the rules extractor on generated documents, in-process, the
/// families they were developed against side by side with the held-out families (docs/quality.md).
/// </summary>
internal static class EvalChecksCommand
{
    public static Verb Create(CliContext cli)
    {
        var count = CliOptions.Whole("--count", "accounts per part (developed-against families, held-out families)", 3_000, max: 1_000_000);
        var seed = CliOptions.Whole("--seed", "the random seed of the corpus", 14, min: 0);
        var output = new Option<string?>("--out") { Description = "also write the report here (Markdown)", HelpName = "report.md" };
        // Beside core + development: the taught held-out rounds, or a round measured on its own (a blind round's first contact).
        var families = GenerateCommand.FamiliesOption("held-out");
        var verb = new Verb("eval-checks", "Measure the checks and the rules extractor per document family: held-out families beside the others.",
            "extract eval-checks",
            "extract eval-checks --count 10000 --seed 3 --out docs/quality/checks-report.md",
            "extract eval-checks --families blind-5 --out docs/quality/blind-set-5-first-measurement.md")
        {
            count, seed, output, families,
        };
        return verb.Runs(cli, async (parse, cli, cancellationToken) =>
        {
            var (perSet, corpusSeed, part) = (parse.GetValue(count), parse.GetValue(seed), parse.GetValue(families)!);
            await cli.Progress.WriteLineAsync($"Measuring {perSet:N0} accounts of the developed-against families and {perSet:N0} of {part}…").ConfigureAwait(false);
            var (developed, heldOut, measured) = CorpusReport.Measure(perSet, corpusSeed, part);
            var markdown = CorpusReport.Markdown(perSet, corpusSeed, developed, heldOut, measured, part);
            await cli.Output.WriteAsync(markdown).ConfigureAwait(false);
            if (parse.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, markdown, cancellationToken).ConfigureAwait(false);
            }

            var misses = CorpusReport.Misses("core + development", developed).Concat(CorpusReport.Misses(part, heldOut)).ToList();
            await cli.Output.WriteLineAsync(misses.Count == 0 ? "Every goal met on both parts." : $"Goals missed:{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", misses)}").ConfigureAwait(false);
            return 0;
        });
    }
}
