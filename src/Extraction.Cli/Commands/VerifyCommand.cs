using System.Globalization;
using Extraction.Cli.CommandLine;
using Extraction.Cli.Local;
using Extraction.Core.Batches;
using Extraction.Core.Budgets;
using Extraction.Core.Storage;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract verify &lt;batch.jsonl&gt;</c>: audits a batch against its input after whatever happened to it
/// (crashes, kills, storage restarts): every non-blank input line has exactly one result row under its own
/// line and account, no raw record is without its row, and the batch budget's ledger covers what the
/// results cost. Exit 0 when all hold, 1 when one does not (each named).
/// </summary>
internal static class VerifyCommand
{
    public static Verb Create(CliContext cli)
    {
        var file = CliOptions.ExistingFile("batch.jsonl", "the batch file the batch was run from");
        var partner = CliOptions.Partner();
        var batchId = CliOptions.BatchId();
        var verb = new Verb("verify", "Audit a batch against its input: one result per line, no raw record without its row, the ledger covers the costs.",
            "extract verify samples/sample-batch.jsonl",
            "extract verify big.jsonl --partner acme --batch-id big-1 --Storage:ConnectionString=UseDevelopmentStorage=true")
        {
            file, partner, batchId,
        };
        return verb.Runs(cli, (parse, cli, cancellationToken) =>
            RunAsync(parse.GetRequiredValue(file).FullName, new BatchNaming(parse.GetValue(partner)!, parse.GetValue(batchId)), cli, cancellationToken));
    }

    private static async Task<int> RunAsync(string file, BatchNaming naming, CliContext cli, CancellationToken cancellationToken)
    {
        var output = cli.Output;
        var batch = await naming.OfFileAsync(file, cancellationToken).ConfigureAwait(false);
        await using var session = await LocalSession.StartAsync(cli.Overrides, cli.Progress, cancellationToken).ConfigureAwait(false);
        var services = session.Services;

        var expected = new Dictionary<int, string>();
        await using (var input = File.OpenRead(file))
        {
            await foreach (var line in BatchReader.ReadAsync(input, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                expected[line.Number] = line.ResultAccountId;
            }
        }

        var rows = new Dictionary<int, string>();
        var resultsCost = 0m;
        await foreach (var row in services.GetRequiredService<ResultStore>().ListAsync(batch, cancellationToken).ConfigureAwait(false))
        {
            rows[row.Line] = row.Result.AccountId;
            resultsCost += row.Result.CostUsd;
        }

        var raw = new List<int>();
        await foreach (var line in services.GetRequiredService<RawRecordStore>().ListLinesAsync(batch, cancellationToken).ConfigureAwait(false))
        {
            raw.Add(line);
        }

        // The batch scope's key does not depend on its limit; any limit reads what was spent.
        var scope = BudgetScope.For(batch, 0m, new Core.Configuration.BudgetOptions(), DateTimeOffset.UtcNow)[0];
        var ledger = await services.GetRequiredService<BudgetLedger>().ReadAsync(scope, cancellationToken).ConfigureAwait(false);
        var spent = Nano.ToUsd(ledger.TotalSpentNano);
        var reserved = Nano.ToUsd(ledger.LeasedNano - ledger.UnreturnedSpentNano);

        var missing = expected.Keys.Count(line => !rows.ContainsKey(line));
        var misplaced = expected.Count(e => rows.TryGetValue(e.Key, out var account) && account != e.Value);
        var extra = rows.Keys.Count(line => !expected.ContainsKey(line));
        var rawWithoutRow = raw.Count(line => !rows.ContainsKey(line));
        // Kills can leave a reservation unreturned (swept when its lease expires): spent plus reserved must cover the results.
        var uncovered = resultsCost > spent + reserved + 0.000001m;
        var text = string.Create(CultureInfo.InvariantCulture, $"""
            batch          {batch.Folder}
            input lines    {expected.Count}
            result rows    {rows.Count}   missing {missing}, under another account {misplaced}, without an input line {extra}
            raw records    {raw.Count}   without a result row {rawWithoutRow}
            costUsd        results ${resultsCost:F6}; ledger spent ${spent:F6}, reserved ${reserved:F6}; excess ${spent - resultsCost:F6} (calls paid again after a crash)

            """);
        await output.WriteAsync(text).ConfigureAwait(false);
        var holds = missing == 0 && misplaced == 0 && extra == 0 && rawWithoutRow == 0 && !uncovered;
        await output.WriteLineAsync(holds ? "verified: every line exactly one result; every raw record has its row; the ledger covers the costs" : $"NOT verified{(uncovered ? ": the results cost more than the ledger holds" : "")}").ConfigureAwait(false);
        return holds ? 0 : 1;
    }
}
