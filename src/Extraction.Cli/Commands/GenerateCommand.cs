using Extraction.Cli.Generation;
using Extraction.Core.Contracts;

namespace Extraction.Cli.Commands;

/// <summary><c>extract generate --count N --out FILE</c>: a realistic synthetic batch.v1 file (and its gold labels).</summary>
internal static class GenerateCommand
{
    public const string Usage = "extract generate --count N --out batch.jsonl [--gold gold.jsonl] [--seed 1] [--invalid-every 0]";

    public static async Task<int> RunAsync(CliArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var count = args.GetInt("count", 100, max: 10_000_000);
        var outPath = args.Get("out") ?? throw new UsageException("generate needs --out FILE.");
        var goldPath = args.Get("gold");
        var generator = new SyntheticBatchGenerator(args.GetInt("seed", 1, min: 0), args.GetInt("invalid-every", 0, min: 0));

        await using var batch = new StreamWriter(outPath);
        await using var gold = goldPath is null ? null : new StreamWriter(goldPath);
        foreach (var account in generator.Generate(count))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await batch.WriteLineAsync(account.Line).ConfigureAwait(false);
            if (gold is not null && account.Gold is { } fields)
            {
                await gold.WriteLineAsync(ContractJson.Serialize(new { account.AccountId, account.LiabilityType, fields })).ConfigureAwait(false);
            }
        }

        await output.WriteLineAsync($"Wrote {count} accounts to {outPath}{(goldPath is null ? "" : $" and their gold labels to {goldPath}")}.").ConfigureAwait(false);
        return 0;
    }
}
