using System.Text.Json;
using Extraction.Core.Extraction;
using Extraction.IntegrationTests.TestKit;
using static Extraction.IntegrationTests.TestKit.ModelUnderTest;

namespace Extraction.IntegrationTests;

/// <summary>
/// A process killed (SIGKILL: nothing runs on the way out) while accounts are between the model's answer
/// and their writes — rows queued in the coalescing table writer, raw records uploading — loses nothing:
/// the activities never completed, so the re-run does them again. The CLI runs as its own process.
/// </summary>
public sealed class CrashRecoveryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Accounts = 1_200;
    private const int KillAtAnswer = 400;

    [Fact]
    public async Task A_process_killed_between_answers_and_their_writes_loses_no_account_and_doubles_no_row()
    {
        var folder = Directory.CreateTempSubdirectory("crash-").FullName;
        var batch = Path.Combine(folder, "batch.jsonl");
        var output = Path.Combine(folder, "results.jsonl");
        Assert.Equal(0, (await CliRunner.RunAsync(["generate", "--count", $"{Accounts}", "--out", batch, "--seed", "17"])).Code);
        await using var emulator = await ModelEmulator.ModelEmulator.StartAsync();
        var answered = 0;
        CliProcess? victim = null;
        emulator.Answer = (type, text) =>
        {
            // The kill lands as this answer leaves: the answers before it are in the process, being written.
            if (Interlocked.Increment(ref answered) == KillAtAnswer)
            {
                victim!.Signal(9);
            }

            return RulesExtractor.Extract(type, text);
        };
        string[] run = ["run", batch, "--out", output, "--partner", "crash", $"--Storage:ConnectionString={azurite.ConnectionString}",
            .. Settings(emulator).Select(s => $"--{s.Key}={s.Value}")];

        using (victim = CliProcess.Start(run))
        {
            var code = await victim.WaitForExitAsync(TimeSpan.FromMinutes(3));
            Assert.True(code == 137, $"exit {code}, {answered} answers:\n{victim.Stderr}");
        }

        var answersBeforeKill = Volatile.Read(ref answered);
        var (again, stdout, stderr) = await CliRunner.RunAsync(run);

        Assert.True(again == 0, stderr);
        var results = File.ReadLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(Accounts, results.Count);
        Assert.Equal(Accounts, results.Select(r => r.GetProperty("accountId").GetString()).Distinct().Count());
        Assert.All(results, r => Assert.Equal("extracted", r.GetProperty("status").GetString()));
        // Answers the kill cut off before their rows were stored were asked again (more answers than accounts); none was lost.
        Assert.True(answersBeforeKill >= KillAtAnswer && Volatile.Read(ref answered) > Accounts, $"{answersBeforeKill} then {answered} answers\n{stdout}");
        // The storage audit (no budget is configured here, so verify's ledger check does not apply).
        var (_, audit, _) = await CliRunner.RunAsync(["verify", batch, "--partner", "crash", $"--Storage:ConnectionString={azurite.ConnectionString}"]);
        Assert.Contains($"result rows    {Accounts}   missing 0, under another account 0, without an input line 0", audit, StringComparison.Ordinal);
        Assert.Contains($"raw records    {Accounts}   without a result row 0", audit, StringComparison.Ordinal);
    }
}
