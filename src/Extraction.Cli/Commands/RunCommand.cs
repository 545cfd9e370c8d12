using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Extraction.Cli.Local;
using Extraction.Core.Budgets;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Orchestration;
using Extraction.Core.Reporting;
using Extraction.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract run &lt;batch.jsonl&gt; --out &lt;results.jsonl&gt;</c>: the batch through the production
/// orchestration on the in-process engine, results from the table to a file, and a summary.
/// </summary>
internal static partial class RunCommand
{
    public const string Usage = "extract run <batch.jsonl> [--out results.jsonl] [--partner local] [--batch-id ID] [--max-cost USD] [--deadline-minutes N] [--engine in-memory|azure-storage] [--workers 1] [--Section:Key=value ...]";

    public static async Task<int> RunAsync(CliArgs args, TextWriter output, TextWriter progress, CancellationToken cancellationToken)
    {
        var file = args.Positional is [var path] ? path : throw new UsageException("run takes one batch file.");
        if (!File.Exists(file))
        {
            throw new UsageException($"No batch file at {Path.GetFullPath(file)}.");
        }

        var outPath = args.Get("out") ?? Path.ChangeExtension(file, ".results.jsonl");
        var batch = await BatchOfFileAsync(args, file, cancellationToken).ConfigureAwait(false);
        var maxCost = args.Get("max-cost") is { } cost
            ? decimal.TryParse(cost, NumberStyles.Number, CultureInfo.InvariantCulture, out var usd) && usd >= 0 ? usd : throw new UsageException($"--max-cost must be an amount in USD; got '{cost}'.")
            : (decimal?)null;
        var deadline = args.Has("deadline-minutes") ? DateTimeOffset.UtcNow.AddMinutes(args.GetInt("deadline-minutes", 0, max: 7 * 24 * 60)) : (DateTimeOffset?)null;
        var workers = EngineArguments.Apply(args, defaultEngine: null);
        await using var session = await LocalSession.StartAsync(args.ConfigOverrides, progress, cancellationToken, workers: workers, mayStartAzurite: workers > 0).ConfigureAwait(false);
        var display = new ProgressDisplay(progress);
        var outcome = await new BatchRunner(session.Services).RunAsync(batch, file, display.Show, new BatchLimits(maxCost, deadline), cancellationToken).ConfigureAwait(false);
        display.Done();
        if (!outcome.Succeeded)
        {
            await progress.WriteLineAsync($"Batch {batch.Folder} ended {outcome.Status}: {outcome.Failure}").ConfigureAwait(false);
            return 1;
        }

        var tally = await WriteResultsAsync(session.Services.GetRequiredService<ResultStore>(), batch, outPath, cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(Summary(outcome, tally, outPath)).ConfigureAwait(false);
        await output.WriteAsync(await BudgetLinesAsync(session.Services, batch, maxCost, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        if (tally.Counts.Total != outcome.Summary!.Accounts)
        {
            await progress.WriteLineAsync($"The batch has {outcome.Summary.Accounts} accounts but the table holds {tally.Counts.Total} results.").ConfigureAwait(false);
            return 1;
        }

        return 0;
    }

    /// <summary>
    /// The batch <c>--partner</c> (default <c>local</c>) and <c>--batch-id</c> name. Same file, same id: without
    /// <c>--batch-id</c> it is the file's name and a hash of its content, so a re-run of a file resumes its batch.
    /// </summary>
    internal static async Task<BatchRef> BatchOfFileAsync(CliArgs args, string file, CancellationToken cancellationToken)
    {
        var partner = args.Get("partner") ?? "local";
        var batchId = args.Get("batch-id");
        if (batchId is null)
        {
            await using var content = File.OpenRead(file);
            var hash = await BatchIntake.HashAsync(content, cancellationToken).ConfigureAwait(false);
            var stem = NotIdCharacters().Replace(Path.GetFileNameWithoutExtension(file), "-");
            batchId = $"{stem[..Math.Min(stem.Length, 60)]}-{hash[..12]}";
        }

        return BatchRef.IsValidPartner(partner) && BatchRef.IsValidBatchId(batchId)
            ? new BatchRef(partner, batchId)
            : throw new UsageException($"--partner: {BatchRef.PartnerRule}; --batch-id: {BatchRef.BatchIdRule}.");
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
              latency        p50 {tally.LatencyPercentile(50)} ms, p95 {tally.LatencyPercentile(95)} ms (model calls)
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

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex NotIdCharacters();
}
