using System.Diagnostics;
using System.Globalization;
using Extraction.Cli.CommandLine;
using Extraction.Cli.Local;
using Extraction.Core.Budgets;
using Extraction.Core.Configuration;
using Extraction.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract bench-budget</c>: reserve-and-settle operations per second from 64 concurrent callers
/// (in 4 workers) on one scope, on a private Azurite — the hot-row way (every reservation takes its
/// budget from the scope row, every settlement writes) against block leasing — side by side.
/// </summary>
internal static class BenchBudgetCommand
{
    public static Verb Create(CliContext cli)
    {
        var operations = CliOptions.Whole("--operations", "reserve + settle pairs per measurement", 4_000, min: 64, max: 1_000_000);
        var callers = CliOptions.Whole("--callers", "concurrent callers", 64, max: 1_024);
        var verb = new Verb("bench-budget", "Benchmark budget operations on one scope: a hot row against block leasing.", "extract bench-budget --operations 4000 --callers 64")
        {
            operations, callers,
        };
        return verb.Runs(cli, (parse, cli, cancellationToken) => RunAsync(parse.GetValue(operations), parse.GetValue(callers), cli.Overrides, cli.Output, cli.Progress, cancellationToken));
    }

    private const long CallNano = 450_000;

    private static async Task<int> RunAsync(int operations, int callers, Dictionary<string, string?> overrides, TextWriter output, TextWriter progress, CancellationToken cancellationToken)
    {
        await using var azurite = await Azurite.StartPrivateUnlessConfiguredAsync(overrides, cancellationToken).ConfigureAwait(false);
        var storage = new StorageClients(Options.Create(new StorageOptions { ConnectionString = overrides["Storage:ConnectionString"], BudgetsTable = "benchbudgets" }));
        await storage.BudgetsTable.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

        await progress.WriteLineAsync($"Hot row: {operations} operations from {callers} callers…").ConfigureAwait(false);
        var hotRow = await MeasureAsync(storage, new BudgetOptions { BlockUsd = Nano.ToUsd(CallNano), FlushEvery = 1 }, operations, callers, cancellationToken).ConfigureAwait(false);
        await progress.WriteLineAsync($"Block leasing: {operations} operations from {callers} callers…").ConfigureAwait(false);
        var blocks = await MeasureAsync(storage, new BudgetOptions { BlockUsd = Nano.ToUsd(CallNano * 100), FlushEvery = 10 }, operations, callers, cancellationToken).ConfigureAwait(false);

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
            operations (reserve + settle)  {operations} from {callers} callers in 4 workers, one scope
            hot row (block = 1 call)       {operations / hotRow.Elapsed.TotalSeconds,8:F0} ops/s   spent {hotRow.Spent} of {hotRow.Expected} nano-USD
            block leasing (100 calls)      {operations / blocks.Elapsed.TotalSeconds,8:F0} ops/s   spent {blocks.Spent} of {blocks.Expected} nano-USD
            ratio blocks / hot row         {hotRow.Elapsed.TotalSeconds / blocks.Elapsed.TotalSeconds,8:F1}
            """)).ConfigureAwait(false);
        return hotRow.Spent == hotRow.Expected && blocks.Spent == blocks.Expected ? 0 : 1;
    }

    private static async Task<(TimeSpan Elapsed, long Spent, long Expected)> MeasureAsync(
        StorageClients storage, BudgetOptions options, int operations, int callers, CancellationToken cancellationToken)
    {
        var ledger = new BudgetLedger(storage, TimeProvider.System);
        var workers = Enumerable.Range(0, 4).Select(_ => new BudgetGuard(ledger, Options.Create(options), TimeProvider.System, NullLogger<BudgetGuard>.Instance)).ToArray();
        var scope = new BudgetScope($"bench|{Guid.NewGuid():N}", "the benchmark budget", long.MaxValue / 4);
        var remaining = operations;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async caller =>
        {
            var guard = workers[caller % workers.Length];
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var reservation = await guard.ReserveAsync([scope], CallNano, cancellationToken).ConfigureAwait(false);
                guard.Settle(reservation, CallNano * 9 / 10);
            }
        })).ConfigureAwait(false);
        var elapsed = clock.Elapsed;
        foreach (var worker in workers)
        {
            await worker.ReturnAllAsync(cancellationToken).ConfigureAwait(false);
        }

        var state = await ledger.ReadAsync(scope, cancellationToken).ConfigureAwait(false);
        return (elapsed, state.TotalSpentNano, operations * (CallNano * 9 / 10));
    }
}
