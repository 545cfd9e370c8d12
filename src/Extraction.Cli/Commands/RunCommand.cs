using System.CommandLine;
using System.Globalization;
using System.Text;
using Extraction.Cli.CommandLine;
using Extraction.Cli.Local;
using Extraction.Core.Budgets;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Orchestration;
using Extraction.Core.Quota;
using Extraction.Core.Reporting;
using Extraction.Core.Storage;
using Microsoft.Extensions.Options;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract run &lt;batch.jsonl&gt; --out &lt;results.jsonl&gt;</c>: the batch through the production
/// orchestration on the in-process engine, results from the table to a file, and a summary.
/// </summary>
internal static class RunCommand
{
    public static Verb Create(CliContext cli)
    {
        var file = CliOptions.ExistingFile("batch.jsonl", "the batch.v1 file: one account per line");
        var output = new Option<string?>("--out") { Description = "where the results go, one result.v1 per line in input order (default: beside the batch, .results.jsonl)", HelpName = "results.jsonl" };
        var partner = CliOptions.Partner();
        var batchId = CliOptions.BatchId();
        var maxCost = CliOptions.Usd("--max-cost", "the batch's own budget: no model call once it is spent (accounts end over_budget)");
        var deadline = CliOptions.WholeOrUnset("--deadline-minutes", "the batch's deadline: open accounts end failed when it passes (default Budget:BatchDeadlineMinutes)", 1, 7 * 24 * 60);
        var engine = CliOptions.Engine();
        var workers = CliOptions.Workers();
        var verb = new Verb("run", "Run a batch through the durable path: progress on stderr, results to --out, a summary on stdout.",
            "extract run samples/sample-batch.jsonl --out out/results.jsonl",
            "extract run big.jsonl --max-cost 25 --deadline-minutes 120 --Batch:ChunkSize=50",
            "extract run big.jsonl --engine azure-storage --workers 0    (submit and follow; extract worker does the work)")
        {
            file, output, partner, batchId, maxCost, deadline, engine, workers,
        };
        return verb.Runs(cli, (parse, cli, cancellationToken) =>
        {
            var path = parse.GetRequiredValue(file).FullName;
            var options = new RunSettings(
                parse.GetValue(output) ?? Path.ChangeExtension(path, ".results.jsonl"),
                parse.GetValue(maxCost),
                parse.GetValue(deadline) is { } minutes ? DateTimeOffset.UtcNow.AddMinutes(minutes) : null,
                EngineArguments.Apply(cli.Overrides, parse.GetValue(engine), parse.GetValue(workers), defaultEngine: null));
            return RunAsync(path, options, new BatchNaming(parse.GetValue(partner)!, parse.GetValue(batchId)), cli, cancellationToken);
        });
    }

    private sealed record RunSettings(string OutPath, decimal? MaxCost, DateTimeOffset? Deadline, int Workers);

    private static async Task<int> RunAsync(string file, RunSettings settings, BatchNaming naming, CliContext cli, CancellationToken cancellationToken)
    {
        var (output, progress) = (cli.Output, cli.Progress);
        var batch = await naming.OfFileAsync(file, cancellationToken).ConfigureAwait(false);
        await using var session = await LocalSession.StartAsync(cli.Overrides, progress, cancellationToken, workers: settings.Workers, mayStartAzurite: settings.Workers > 0).ConfigureAwait(false);
        var display = new ProgressDisplay(progress);
        var outcome = await new BatchRunner(session.Services).RunAsync(batch, file, display.Show, new BatchLimits(settings.MaxCost, settings.Deadline), cancellationToken).ConfigureAwait(false);
        display.Done(outcome.Summary);
        if (!outcome.Succeeded)
        {
            await progress.WriteLineAsync($"Batch {batch.Folder} ended {outcome.Status}: {outcome.Failure}").ConfigureAwait(false);
            return 1;
        }

        var tally = await WriteResultsAsync(session.Services.GetRequiredService<ResultStore>(), batch, settings.OutPath, cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(Summary(outcome, tally, settings.OutPath)).ConfigureAwait(false);
        await output.WriteAsync(await BudgetLinesAsync(session.Services, batch, settings.MaxCost, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        await output.WriteAsync(QuotaLines.Of(session.Services.GetRequiredService<QuotaGates>(), outcome.Elapsed)).ConfigureAwait(false);
        if (tally.Counts.Total != outcome.Summary!.Accounts)
        {
            await progress.WriteLineAsync($"The batch has {outcome.Summary.Accounts} accounts but the table holds {tally.Counts.Total} results.").ConfigureAwait(false);
            return 1;
        }

        return 0;
    }

    private static async Task<ResultTally> WriteResultsAsync(ResultStore results, BatchRef batch, string outPath, CancellationToken cancellationToken)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(outPath)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var tally = new ResultTally();
        await using var writer = new StreamWriter(outPath, append: false);
        await foreach (var stored in results.ListAsync(batch, cancellationToken).ConfigureAwait(false))
        {
            tally.Add(stored.Result);
            await writer.WriteLineAsync(ContractJson.Serialize(stored.Result)).ConfigureAwait(false);
        }

        return tally;
    }

    private static string Summary(RunOutcome outcome, ResultTally tally, string outPath)
    {
        var summary = outcome.Summary!;
        var seconds = outcome.Elapsed.TotalSeconds;
        var c = tally.Counts;
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"""
            Batch {outcome.Started.Batch.Partner}/{outcome.Started.Batch.BatchId} completed in {seconds:F1} s
              accounts       {c.Total,7}   ({c.Total / Math.Max(seconds, 0.001):F1}/s)
              extracted      {c.Extracted,7}
              needs_review   {c.NeedsReview,7}
              invalid_input  {c.InvalidInput,7}
              over_budget    {c.OverBudget,7}
              failed         {c.Failed,7}
              resumed        {summary.Resumed,7}   (final results kept from an earlier run)
              cost           ${tally.CostUsd:F4}   (this run: ${summary.CostUsd:F4})
              latency        {Latency(tally, summary.Resumed, c.Total - c.InvalidInput - summary.Resumed)}
              results        {outPath} ({c.Total} lines)
              by the model that answered:

            """));
        foreach (var (model, m) in tally.ByModel)
        {
            text.Append(CultureInfo.InvariantCulture, $"    {model,-24} {m.Accounts,7} accounts   ${m.CostUsd:F4}");
            text.Append(m.Latency.Count > 0
                ? string.Create(CultureInfo.InvariantCulture, $"   p50 {m.Latency.Percentile(50)} ms, p95 {m.Latency.Percentile(95)} ms\n")
                : "\n");
        }

        return text.ToString();
    }

    /// <summary>The results' model-call latency, saying so when some (or all) of it was measured by earlier runs.</summary>
    private static string Latency(ResultTally tally, int resumed, int answeredNow)
    {
        var figures = string.Create(CultureInfo.InvariantCulture, $"p50 {tally.LatencyPercentile(50)} ms, p95 {tally.LatencyPercentile(95)} ms");
        return resumed == 0 ? $"{figures} (model calls)"
            : answeredNow <= 0 ? $"no model call this run (the {resumed} results kept from earlier runs took {figures})"
            : $"{figures} (model calls of this run and of the {resumed} results kept from earlier runs)";
    }

    /// <summary>Spent, reserved and remaining per budget scope of the batch, with this process's leases given back first.</summary>
    private static async Task<string> BudgetLinesAsync(IServiceProvider services, BatchRef batch, decimal? maxCost, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<BudgetGuard>().ReturnAllAsync(cancellationToken).ConfigureAwait(false);
        var scopes = BudgetScope.For(batch, maxCost, services.GetRequiredService<IOptions<BudgetOptions>>().Value, DateTimeOffset.UtcNow);
        var text = new StringBuilder();
        foreach (var scope in scopes)
        {
            var state = await services.GetRequiredService<BudgetLedger>().ReadAsync(scope, cancellationToken).ConfigureAwait(false);
            text.Append(CultureInfo.InvariantCulture,
                $"  budget: {scope.Name}: spent ${Nano.ToUsd(state.TotalSpentNano):F4}, reserved ${Nano.ToUsd(state.LeasedNano - state.UnreturnedSpentNano):F4}, remaining ${Nano.ToUsd(state.AvailableNano):F4} of ${Nano.ToUsd(state.LimitNano):F4}\n");
        }

        return scopes.Count == 0 ? "  budget: none configured (Budget:PartnerDailyUsd, Budget:GlobalDailyUsd, --max-cost)\n" : text.ToString();
    }

}
