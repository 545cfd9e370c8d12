using System.CommandLine;
using Extraction.Cli.CommandLine;
using Extraction.Core.Contracts;
using Extraction.Tooling.Generation;

namespace Extraction.Cli.Commands;

/// <summary><c>extract generate --count N --out FILE</c>: a realistic synthetic batch.v1 file (and its gold labels).</summary>
internal static class GenerateCommand
{
    public static Verb Create(CliContext cli)
    {
        var count = CliOptions.Whole("--count", "accounts to write", 100, max: 10_000_000);
        var output = new Option<string>("--out") { Description = "the batch.v1 file to write", HelpName = "batch.jsonl", Required = true };
        var gold = new Option<string?>("--gold") { Description = "also write each account's true fields (gold labels) here", HelpName = "gold.jsonl" };
        var seed = CliOptions.Whole("--seed", "the random seed: the same seed writes the same file", 1, min: 0);
        var invalidEvery = CliOptions.Whole("--invalid-every", "break every K-th line (0: none)", 0, min: 0);
        var families = FamiliesOption("core");
        var verb = new Verb("generate", "Write a realistic synthetic batch: transcripts, payoff letters, statements, portal pages.",
            "extract generate --count 1000 --out batch.jsonl --gold gold.jsonl",
            "extract generate --count 100000 --out big.jsonl --seed 7 --invalid-every 50",
            "extract generate --count 2000 --families held-out --out held-out.jsonl --gold held-out-gold.jsonl",
            "extract generate --count 500 --families core,blind-4 --out mixed.jsonl")
        {
            count, output, gold, seed, invalidEvery, families,
        };
        return verb.Runs(cli, (parse, cli, cancellationToken) => RunAsync(
            parse.GetValue(count), parse.GetRequiredValue(output), parse.GetValue(gold),
            new SyntheticBatchGenerator(parse.GetValue(seed), parse.GetValue(invalidEvery), DocumentFamilies.Select(Names(parse.GetValue(families)!))), cli.Output, cancellationToken));
    }

    /// <summary>The families by name: a round, held-out or all (<see cref="DocumentFamilies.Select"/>), or several comma-separated.</summary>
    internal static Option<string> FamiliesOption(string defaultValue)
    {
        var rounds = string.Join(", ", DocumentFamilies.Rounds.Select(r => r.Name));
        var option = new Option<string>("--families")
        {
            Description = $"which document families: core (the first shapes), development, held-out (the rounds {string.Join(", ", DocumentFamilies.HeldOutRounds)}: "
                + $"kept out of rule writing), all, or a round by name ({rounds}); several comma-separated",
            HelpName = "NAMES",
            DefaultValueFactory = _ => defaultValue,
        };
        option.Validators.Add(result =>
        {
            var given = result.GetValueOrDefault<string>() ?? "";
            var names = Names(given);
            if ((names.Length == 0 ? given : names.FirstOrDefault(n => !DocumentFamilies.SelectionNames.Contains(n))) is { } wrong)
            {
                var nearest = Typo.Nearest(wrong, DocumentFamilies.SelectionNames) is { } name ? $" Did you mean {name}?" : "";
                result.AddError($"{option.Name} must be a round ({rounds}), held-out or all, or several comma-separated; got '{wrong}'.{nearest}");
            }
        });
        return option;
    }

    private static string[] Names(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static async Task<int> RunAsync(int count, string outPath, string? goldPath, SyntheticBatchGenerator generator, TextWriter output, CancellationToken cancellationToken)
    {
        await using var batch = new StreamWriter(outPath);
        await using var gold = goldPath is null ? null : new StreamWriter(goldPath);
        foreach (var account in generator.Generate(count))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await batch.WriteLineAsync(account.Line).ConfigureAwait(false);
            if (gold is not null && account.Gold is { } fields)
            {
                await gold.WriteLineAsync(ContractJson.Serialize(new { account.AccountId, account.LiabilityType, account.Family, fields })).ConfigureAwait(false);
            }
        }

        await output.WriteLineAsync($"Wrote {count} accounts to {outPath}{(goldPath is null ? "" : $" and their gold labels to {goldPath}")}.").ConfigureAwait(false);
        return 0;
    }
}
