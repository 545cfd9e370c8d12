using Extraction.Core.Evaluation;
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
        var verb = new Verb("eval-checks", "Measure the checks and the rules extractor per document family: held-out families beside the others.",
            "extract eval-checks",
            "extract eval-checks --count 10000 --seed 3 --out docs/quality/checks-report.md")
        {
            count, seed, output,
        };
        return verb.Runs(cli, async (parse, cli, cancellationToken) =>
        {
            var (perSet, corpusSeed) = (parse.GetValue(count), parse.GetValue(seed));
            await cli.Progress.WriteLineAsync($"Measuring {perSet:N0} accounts of the developed-against families and {perSet:N0} of the held-out families…").ConfigureAwait(false);
            var (developed, heldOut, families) = CorpusReport.Measure(perSet, corpusSeed);
            var markdown = CorpusReport.Markdown(perSet, corpusSeed, developed, heldOut, families);
            await cli.Output.WriteAsync(markdown).ConfigureAwait(false);
            if (parse.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, markdown, cancellationToken).ConfigureAwait(false);
            }

            var misses = CorpusReport.Misses("core + development", developed).Concat(CorpusReport.Misses("held-out", heldOut)).ToList();
            await cli.Output.WriteLineAsync(misses.Count == 0 ? "Every goal met on both parts." : $"Goals missed:{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", misses)}").ConfigureAwait(false);
            return 0;
        });
    }
}
