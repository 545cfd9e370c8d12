using Extraction.Core.Budgets;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Models;
using Extraction.Core.Pricing;
using Extraction.Core.Prompting;
using Extraction.Core.Storage;
using Extraction.Core.Tests;
using Extraction.IntegrationTests.TestKit;
using Extraction.ModelEmulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Extraction.IntegrationTests.TestKit.ModelUnderTest;

namespace Extraction.IntegrationTests;

/// <summary>Budgets on the ledger in Azurite: concurrency, crashed workers, an unreachable ledger.</summary>
public sealed class BudgetTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private ModelEmulator.ModelEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await ModelEmulator.ModelEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Sixty_four_concurrent_accounts_on_a_budget_for_about_half_never_overspend_and_the_ledger_matches_the_results_to_the_cent()
    {
        // Each call costs 200 × $0.20 + 400 × $0.80 per million = $0.00036. Every prompt here counts more than
        // 200 tokens, so each reservation (counted prompt × margin + the 400 cap) is a worst case, as the guard
        // requires; a fixed usage above a short prompt's count would overspend by design, not by a race.
        _emulator.ReportUsage(Student, new EmulatedUsage(200, 400));
        var settings = Settings(_emulator);
        settings.Remove("Model:TeacherDeployment");
        settings["Model:MaxOutputTokens"] = "400";
        settings["Budget:PartnerDailyUsd"] = "0.0150";
        settings["Budget:BlockUsd"] = "0.002";
        settings["Batch:ChunkSize"] = "8";
        settings["Batch:MaxParallelChunks"] = "8";
        await using var pipeline = await Pipeline.StartAsync(azurite, settings);
        var batch = new BatchRef("acme", "budget-64");
        var lines = Enumerable.Range(0, 64).Select(i => ReferenceSamples.BatchLines()[i % 200].Replace("\"accountId\": \"", $"\"accountId\": \"b{i}-", StringComparison.Ordinal)).ToArray();

        Assert.InRange(pipeline.Services.GetRequiredService<TokenCounter>().CountChat([ExtractionPrompt.SystemMessage]), 201, int.MaxValue);

        var outcome = await pipeline.RunFileAsync(batch, await Pipeline.WriteBatchFileAsync(lines));
        await pipeline.Services.GetRequiredService<BudgetGuard>().ReturnAllAsync();

        Assert.True(outcome.Succeeded, outcome.Failure);
        var results = (await pipeline.ResultsOfAsync(batch)).Select(r => r.Result).ToList();
        var extracted = results.Count(r => r.Status == ResultStatus.Extracted);
        var overBudget = results.Where(r => r.Status == ResultStatus.OverBudget).ToList();
        Assert.Equal(64, extracted + overBudget.Count);
        Assert.InRange(extracted, 24, 41); // $0.015 / $0.00036 = 41.7 calls at most
        Assert.All(overBudget, r => Assert.Contains("partner acme daily budget", r.Reason, StringComparison.Ordinal));
        Assert.All(overBudget, r => Assert.Equal(0, r.Attempts));
        var scope = BudgetScope.For(batch, null, pipeline.Services.GetRequiredService<IOptions<BudgetOptions>>().Value, DateTimeOffset.UtcNow).Single();
        var ledger = await pipeline.Services.GetRequiredService<BudgetLedger>().ReadAsync(scope);
        Assert.True(Nano.FromUsd(results.Sum(r => r.CostUsd)) == ledger.TotalSpentNano, $"results {Nano.FromUsd(results.Sum(r => r.CostUsd))}, ledger {ledger}");
        Assert.InRange(ledger.TotalSpentNano, 0, ledger.LimitNano);
        Assert.Equal(0, ledger.LeasedNano);
        Assert.Equal(extracted, _emulator.CallsTo(Student));
    }

    [Fact]
    public async Task Budget_held_by_a_worker_that_dies_returns_to_the_scope_when_its_lease_expires()
    {
        var time = new AdjustableTime();
        var (dead, alive, ledger) = TwoWorkers(time);
        var scope = new BudgetScope($"partner|crash-{Guid.NewGuid():N}|day", "the test budget", 1_000);

        var held = await dead.ReserveAsync([scope], 600);
        dead.Settle(held, 250);
        await dead.WhenWrittenAsync();
        var meanwhile = await alive.ReserveAsync([scope], 600);
        time.Advance(TimeSpan.FromSeconds(61));
        var afterExpiry = await alive.ReserveAsync([scope], 600);

        Assert.True(held.Granted);
        Assert.False(meanwhile.Granted);
        Assert.True(afterExpiry.Granted);
        var state = await ledger.ReadAsync(scope);
        Assert.Equal(250, state.SpentNano);
        Assert.Equal(1_000 - 250, state.LeasedNano);
    }

    [Fact]
    public async Task A_lease_below_half_a_block_is_topped_up_in_the_background_before_a_caller_finds_it_empty()
    {
        var (_, guard, ledger) = TwoWorkers(TimeProvider.System);
        var scope = new BudgetScope($"partner|topup-{Guid.NewGuid():N}|day", "the test budget", 10_000);

        var first = await guard.ReserveAsync([scope], 600);
        await guard.WhenWrittenAsync();

        // One block (1,000) leased for the call; 400 left is under half a block, so a second block follows.
        Assert.True(first.Granted);
        Assert.Equal(2_000, (await ledger.ReadAsync(scope)).LeasedNano);
        var second = await guard.ReserveAsync([scope], 600);
        Assert.True(second.Granted);
    }

    [Fact]
    public async Task Scopes_idle_for_a_third_of_the_lease_go_back_to_the_ledger_and_leave_memory_and_a_busy_one_stays()
    {
        var time = new AdjustableTime();
        var (guard, _, ledger) = TwoWorkers(time);
        var batches = Enumerable.Range(0, 5).Select(i => new BudgetScope($"batch|idle-{Guid.NewGuid():N}|{i}", $"batch {i}", 10_000)).ToList();
        foreach (var scope in batches)
        {
            guard.Settle(await guard.ReserveAsync([scope], 600), 250);
        }

        var busy = await guard.ReserveAsync([batches[0]], 600);
        await guard.WhenWrittenAsync();
        var held = guard.ScopeCount;
        time.Advance(TimeSpan.FromSeconds(21));
        var retired = await guard.RetireIdleAsync();
        var whileBusy = guard.ScopeCount;
        guard.Settle(busy, 100);
        time.Advance(TimeSpan.FromSeconds(21));
        var later = await guard.RetireIdleAsync();

        Assert.Equal((5, 4, 1), (held, retired, whileBusy));
        Assert.Equal((1, 0), (later, guard.ScopeCount));
        foreach (var scope in batches)
        {
            var state = await ledger.ReadAsync(scope);
            Assert.Equal((0, scope == batches[0] ? 350 : 250, 0), (state.LeasedNano, state.SpentNano, state.UnreturnedSpentNano));
        }

        // A scope used again after it went back starts a fresh lease from the same ledger row.
        var again = await guard.ReserveAsync([batches[1]], 600);
        Assert.True(again.Granted);
        Assert.Equal(1, guard.ScopeCount);
    }

    [Fact]
    public async Task Returning_every_lease_waits_for_the_reservation_in_flight_and_records_what_it_spent()
    {
        var (guard, _, ledger) = TwoWorkers(TimeProvider.System);
        var scope = new BudgetScope($"partner|return-{Guid.NewGuid():N}|day", "the test budget", 10_000);
        var inFlight = await guard.ReserveAsync([scope], 600);

        var returning = guard.ReturnAllAsync();
        await Task.Delay(200);
        var waited = !returning.IsCompleted;
        guard.Settle(inFlight, 420);
        await returning.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(waited, "the leases went back before the call in flight settled");
        var state = await ledger.ReadAsync(scope);
        Assert.Equal((0, 420), (state.LeasedNano, state.SpentNano));
        Assert.Equal(0, guard.ScopeCount);
    }

    [Fact]
    public async Task With_the_ledger_unreachable_no_model_call_is_made()
    {
        var settings = Settings(_emulator);
        settings["Budget:PartnerDailyUsd"] = "10";
        settings["Storage:ConnectionString"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        var model = ModelUnderTest.Create(settings);
        var item = Core.Batches.BatchLineParser.Parse(System.Text.Encoding.UTF8.GetBytes(ReferenceSamples.BatchLines()[0])).Item!;
        var context = new AccountContext(BudgetScope.For(new BatchRef("acme", "b"), null, new BudgetOptions { PartnerDailyUsd = 10 }, DateTimeOffset.UtcNow), DateTimeOffset.UtcNow.AddMinutes(1));

        await Assert.ThrowsAsync<BudgetUnavailableException>(() => model.ExtractAsync(item, context));

        Assert.Empty(_emulator.Calls);
    }

    [Fact]
    public async Task A_spent_scope_closes_whole_chunks_as_over_budget_without_scheduling_a_single_extraction()
    {
        var settings = Settings(_emulator);
        settings["Budget:PartnerDailyUsd"] = "0";
        settings["Batch:ChunkSize"] = "4";
        await using var pipeline = await Pipeline.StartAsync(azurite, settings);
        var batch = new BatchRef("acme", "spent");

        var outcome = await pipeline.RunFileAsync(batch, await Pipeline.WriteBatchFileAsync([.. ReferenceSamples.BatchLines().Take(10)]));

        Assert.Equal(10, outcome.Summary!.Counts.OverBudget);
        var results = await pipeline.ResultsOfAsync(batch);
        Assert.All(results, r => Assert.Equal((ResultStatus.OverBudget, 0), (r.Result.Status, r.Result.Attempts)));
        Assert.All(results, r => Assert.StartsWith("Not attempted: the partner acme daily budget", r.Result.Reason, StringComparison.Ordinal));
        // An extraction activity always writes a raw record; the admission closes accounts without one.
        Assert.All(results, r => Assert.Null(r.Result.RawOutput));
        Assert.Empty(_emulator.Calls);
    }

    [Fact]
    public async Task When_the_batch_deadline_passes_the_batch_completes_on_time_with_open_accounts_failed()
    {
        // The claim is "closed at the deadline, before the model answered": 2 s against 8 s leaves a busy machine room.
        _emulator.Latency = TimeSpan.FromSeconds(8);
        var settings = Settings(_emulator);
        settings["Batch:ChunkSize"] = "5";
        settings["Batch:MaxParallelChunks"] = "1";
        await using var pipeline = await Pipeline.StartAsync(azurite, settings);
        var batch = new BatchRef("acme", "deadline");
        var file = await Pipeline.WriteBatchFileAsync([.. ReferenceSamples.BatchLines().Take(15)]);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var outcome = await new Extraction.Cli.Local.BatchRunner(pipeline.Services).RunAsync(
            batch, file, limits: new Core.Orchestration.BatchLimits(null, DateTimeOffset.UtcNow.AddSeconds(2)), cancellationToken: timeout.Token);

        Assert.True(outcome.Succeeded, outcome.Failure);
        Assert.InRange(clock.Elapsed.TotalSeconds, 1.5, 7.5);
        Assert.Equal(15, outcome.Summary!.Counts.Failed);
        var results = await pipeline.ResultsOfAsync(batch);
        Assert.Equal(15, results.Count);
        Assert.All(results, r => Assert.Equal((ResultStatus.Failed, Core.Budgets.BatchDeadline.Reason), (r.Result.Status, r.Result.Reason)));
    }

    private (BudgetGuard Dead, BudgetGuard Alive, BudgetLedger Ledger) TwoWorkers(TimeProvider time)
    {
        var storage = new StorageClients(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, BudgetsTable = $"budgets{Guid.NewGuid():N}"[..20] }));
        storage.BudgetsTable.CreateIfNotExists();
        var ledger = new BudgetLedger(storage, time);
        var options = Options.Create(new BudgetOptions { BlockUsd = 0.000001m, LeaseSeconds = 60, FlushEvery = 1 });
        return (new BudgetGuard(ledger, options, time, NullLogger<BudgetGuard>.Instance), new BudgetGuard(ledger, options, time, NullLogger<BudgetGuard>.Instance), ledger);
    }
}
