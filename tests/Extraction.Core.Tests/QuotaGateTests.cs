using System.Diagnostics;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Quota;

namespace Extraction.Core.Tests;

/// <summary>One deployment's limiter on the real clock: slots, pace, adaptation, deadlines, lanes, admission.</summary>
public sealed class QuotaGateTests
{
    private static readonly DateTimeOffset NoDeadline = DateTimeOffset.MaxValue;

    [Fact]
    public async Task Never_more_than_the_in_flight_limit_hold_a_slot_and_the_limit_is_reached()
    {
        using var gate = Gate(requestsPerMinute: 6_000_000, maxInFlight: 3);
        var holding = 0;
        var most = 0;

        await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            using var slot = await gate.AcquireAsync(100, 100, CallLane.Batch, NoDeadline, CancellationToken.None);
            var now = Interlocked.Increment(ref holding);
            InterlockedMax(ref most, now);
            await Task.Delay(5);
            Interlocked.Decrement(ref holding);
            slot!.Complete(Attempt(AttemptOutcomes.Ok, 200, latencyMs: 5), null);
        }));

        Assert.Equal(3, most);
        Assert.Equal(40, gate.Snapshot().Granted);
        Assert.Equal(0, gate.Snapshot().InFlight);
    }

    [Fact]
    public async Task Calls_are_spaced_to_the_pace_so_no_second_gets_more_than_its_share()
    {
        // 600 a minute at 95% headroom: one call every 105 ms.
        using var gate = Gate(requestsPerMinute: 600);
        var clock = Stopwatch.StartNew();

        var granted = await Task.WhenAll(Enumerable.Range(0, 15).Select(async _ =>
        {
            var slot = await gate.AcquireAsync(100, 100, CallLane.Batch, NoDeadline, CancellationToken.None);
            var at = clock.Elapsed.TotalMilliseconds;
            slot!.Complete(Attempt(AttemptOutcomes.Ok, 200, latencyMs: 1), null);
            return at;
        }));

        Array.Sort(granted);
        // The quota's 10 a second, counted over every second-long window that starts at a grant.
        var busiest = granted.Max(t => granted.Count(u => u >= t && u < t + 1_000));
        Assert.InRange(busiest, 9, 10);
        Assert.InRange(granted[^1], 14 * 100, 14 * 105 * 1.6);
        Assert.True(gate.Snapshot().PacedMs > 1_000, $"paced {gate.Snapshot().PacedMs:F0} ms");
    }

    [Fact]
    public async Task Tokens_a_minute_set_the_pace_when_they_bind_and_the_servers_count_is_settled_after()
    {
        // 60,000 tokens a minute at 95%: 950 tokens a second; each call is charged 400 + 100 up front.
        using var gate = Gate(requestsPerMinute: 6_000_000, tokensPerMinute: 60_000);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 4; i++)
        {
            var slot = await gate.AcquireAsync(400, 100, CallLane.Batch, NoDeadline, CancellationToken.None);
            // The server counted the prompt twice as large as this process did: 900 charged, not 500.
            slot!.Complete(Attempt(AttemptOutcomes.Ok, 200, latencyMs: 1, promptTokens: 800), null);
        }

        // Unsettled, four calls of 500 would be due by 1.6 s; the server's larger count stretches the pace (to about
        // 2.8 s), and the estimate learns it.
        Assert.InRange(clock.ElapsedMilliseconds, 2_000, 5_000);
    }

    [Fact]
    public async Task A_429_cuts_the_pace_once_per_burst_holds_the_deployment_for_its_wait_and_answers_grow_it_back_over_seconds()
    {
        using var gate = Gate(requestsPerMinute: 6_000);
        var full = gate.Snapshot().RequestsPerMinute;
        var first = await gate.AcquireAsync(100, 100, CallLane.Batch, NoDeadline, CancellationToken.None);
        var second = await gate.AcquireAsync(100, 100, CallLane.Batch, NoDeadline, CancellationToken.None);

        first!.Complete(Attempt(AttemptOutcomes.RateLimited, 429, latencyMs: 1), TimeSpan.FromMilliseconds(300));
        second!.Complete(Attempt(AttemptOutcomes.RateLimited, 429, latencyMs: 1), TimeSpan.FromMilliseconds(300));
        var cut = gate.Snapshot().RequestsPerMinute;
        var clock = Stopwatch.StartNew();
        var afterPause = await gate.AcquireAsync(100, 100, CallLane.Realtime, NoDeadline, CancellationToken.None);
        var held = clock.ElapsedMilliseconds;
        afterPause!.Complete(Attempt(AttemptOutcomes.Ok, 200, latencyMs: 1), null);
        while (gate.Snapshot().RequestsPerMinute < full && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            var slot = await gate.AcquireAsync(100, 100, CallLane.Batch, NoDeadline, CancellationToken.None);
            slot!.Complete(Attempt(AttemptOutcomes.Ok, 200, latencyMs: 1), null);
        }

        Assert.Equal(full * 0.85, cut, 3); // the second 429 was granted before the cut: the same burst, not a second cut
        Assert.True(held >= 280, $"held {held} ms of the server's 300");
        Assert.Equal(full, gate.Snapshot().RequestsPerMinute, 3);
        // Additive: 10% of the quota per second of answers, so 85% -> 100% takes about 1.5 s after the 0.3 s hold.
        Assert.InRange(clock.ElapsedMilliseconds, 1_300, 6_000);
        Assert.Equal(2, gate.Snapshot().RateLimited);
    }

    [Fact]
    public async Task A_slot_that_cannot_come_before_the_deadline_is_refused_at_once_and_one_that_can_is_waited_for()
    {
        using var gate = Gate(requestsPerMinute: 60); // one call every 1.05 s
        (await gate.AcquireAsync(100, 100, CallLane.Batch, NoDeadline, CancellationToken.None))!.Dispose();
        var clock = Stopwatch.StartNew();

        var refused = await gate.AcquireAsync(100, 100, CallLane.Batch, DateTimeOffset.UtcNow.AddMilliseconds(300), CancellationToken.None);
        var refusedIn = clock.ElapsedMilliseconds;
        var waited = await gate.AcquireAsync(100, 100, CallLane.Batch, DateTimeOffset.UtcNow.AddSeconds(5), CancellationToken.None);

        Assert.Null(refused);
        Assert.True(refusedIn < 100, $"refused after {refusedIn} ms");
        Assert.NotNull(waited);
        Assert.InRange(clock.ElapsedMilliseconds, 900, 3_000);
        Assert.Equal(1, gate.Snapshot().Saturated);
    }

    [Fact]
    public async Task A_waiter_whose_deadline_comes_while_every_slot_is_held_leaves_the_queue_saturated()
    {
        using var gate = Gate(requestsPerMinute: 60_000, maxInFlight: 1);
        using var held = await gate.AcquireAsync(100, 100, CallLane.Batch, NoDeadline, CancellationToken.None);
        var clock = Stopwatch.StartNew();

        var waited = await gate.AcquireAsync(100, 100, CallLane.Batch, DateTimeOffset.UtcNow.AddMilliseconds(400), CancellationToken.None);

        Assert.Null(waited);
        Assert.InRange(clock.ElapsedMilliseconds, 350, 1_500);
        Assert.Equal((0, 1L), (gate.Snapshot().Waiting, gate.Snapshot().Saturated));
    }

    [Fact]
    public async Task A_realtime_call_goes_before_batch_calls_that_were_waiting_longer()
    {
        using var gate = Gate(requestsPerMinute: 600);
        (await gate.AcquireAsync(100, 100, CallLane.Batch, NoDeadline, CancellationToken.None))!.Dispose();
        (await gate.AcquireAsync(100, 100, CallLane.Realtime, NoDeadline, CancellationToken.None))!.Dispose(); // the one spacing realtime may borrow
        var order = new List<string>();
        var batch = Enumerable.Range(0, 3).Select(i => Take(CallLane.Batch, $"batch {i}")).ToList();
        await Task.Delay(20);
        var realtime = Take(CallLane.Realtime, "realtime");

        await Task.WhenAll([.. batch, realtime]);

        Assert.Equal("realtime", order[0]);
        Assert.Equal(["batch 0", "batch 1", "batch 2"], order.Skip(1));

        async Task Take(CallLane lane, string name)
        {
            var slot = await gate.AcquireAsync(100, 100, lane, NoDeadline, CancellationToken.None);
            lock (order)
            {
                order.Add(name);
            }

            slot!.Dispose();
        }
    }

    [Fact]
    public async Task Batch_accounts_are_admitted_a_few_seconds_of_calls_at_a_time_and_one_past_its_batch_deadline_is_not()
    {
        // One call in flight (no latency seen yet: rate × latency rounds to nothing, plus one) and 60 a minute × 95% × 2 s
        // queued: 2 admitted at once.
        using var gate = Gate(requestsPerMinute: 60, maxInFlight: 2);
        var admitted = new List<IDisposable?>();
        for (var i = 0; i < 2; i++)
        {
            admitted.Add(await gate.AdmitAsync(NoDeadline, CancellationToken.None));
        }

        var third = gate.AdmitAsync(NoDeadline, CancellationToken.None);
        var late = await gate.AdmitAsync(DateTimeOffset.UtcNow.AddMilliseconds(100), CancellationToken.None);
        await Task.Delay(50);
        var waitedWhileFull = !third.IsCompleted;
        admitted[0]!.Dispose();
        var thirdIn = await third.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.All(admitted, Assert.NotNull);
        Assert.True(waitedWhileFull);
        Assert.Null(late);
        Assert.NotNull(thirdIn);
    }

    [Fact]
    public async Task Latency_that_rises_past_twice_the_best_cuts_the_in_flight_limit_and_steady_latency_grows_it_back()
    {
        using var gate = Gate(requestsPerMinute: 6_000_000, maxInFlight: 40);
        await Answer(gate, 40, latencyMs: 20);
        var before = gate.Snapshot().InFlightLimit;
        await Answer(gate, 40, latencyMs: 200);
        var loaded = gate.Snapshot().InFlightLimit;
        await Answer(gate, 400, latencyMs: 20);

        Assert.Equal(40, before);
        Assert.Equal(25, loaded); // two windows of 20 at ten times the best: 40 × 0.8 × 0.8
        Assert.Equal(40, gate.Snapshot().InFlightLimit);

        static async Task Answer(QuotaGate gate, int calls, long latencyMs)
        {
            for (var i = 0; i < calls; i++)
            {
                var slot = await gate.AcquireAsync(100, 100, CallLane.Batch, NoDeadline, CancellationToken.None);
                slot!.Complete(Attempt(AttemptOutcomes.Ok, 200, latencyMs), null);
            }
        }
    }

    [Fact]
    public void A_smaller_share_paces_and_caps_in_flight_to_its_part_of_the_quota()
    {
        using var gate = Gate(requestsPerMinute: 6_000, maxInFlight: 40);

        gate.SetShare(0.25);

        Assert.Equal(6_000 * 0.25 * QuotaGate.Headroom, gate.Snapshot().RequestsPerMinute, 3);
        Assert.Equal(10, gate.Snapshot().InFlightLimit);
    }

    [Fact]
    public async Task A_share_raised_respaces_the_call_already_waiting_at_once()
    {
        using var gate = Gate(requestsPerMinute: 6_000);
        gate.SetShare(0.01); // one call a second
        (await gate.AcquireAsync(100, 100, CallLane.Batch, NoDeadline, CancellationToken.None))!.Dispose();
        var clock = Stopwatch.StartNew();
        var waiting = gate.AcquireAsync(100, 100, CallLane.Batch, NoDeadline, CancellationToken.None);

        await Task.Delay(50);
        gate.SetShare(1); // 95 a second: the second call is due within about 10 ms, not a second

        (await waiting)!.Dispose();
        Assert.InRange(clock.ElapsedMilliseconds, 50, 400);
    }

    [Fact]
    public void Shares_split_the_quota_evenly_among_the_wanting_after_the_others_keep_what_they_use_and_always_add_to_one()
    {
        var two = ShareClaim.Split([new("a", 0.5, Wanting: true), new("b", 0.5, Wanting: true)]);
        var idle = ShareClaim.Split([new("busy", 0.9, Wanting: true), new("quiet", 0.1, Wanting: false)]);
        var three = ShareClaim.Split([new("x", 0.2, true), new("y", 0.0, false), new("z", 0.6, true)]);
        var alone = ShareClaim.Split([new("only", 0.0, Wanting: false)]);
        var submitter = ShareClaim.Split([new("worker", 0.5, Wanting: true), new("cli", 0.0, Wanting: false, Called: false)]);

        Assert.Equal((0.5, 0.5), (two["a"], two["b"]));
        Assert.Equal(0.145, idle["quiet"], 6); // used 10%: keeps that, a quarter more and 2%
        Assert.Equal(0.855, idle["busy"], 6);
        Assert.Equal(0.02, three["y"], 6);
        Assert.Equal(three["x"], three["z"], 6);
        Assert.Equal(1.0, three.Values.Sum(), 6);
        Assert.Equal(1.0, alone["only"], 6); // nobody wanting: the unclaimed rest is split too
        Assert.Equal(1.0, idle.Values.Sum(), 6);
        Assert.Equal((1.0, 0.0), (submitter["worker"], submitter["cli"])); // one that never called claims nothing
    }

    private static QuotaGate Gate(int requestsPerMinute, int tokensPerMinute = 1_000_000_000, int maxInFlight = 100_000) =>
        new("student", new DeploymentQuotaOptions { RequestsPerMinute = requestsPerMinute, TokensPerMinute = tokensPerMinute, MaxInFlight = maxInFlight }, new QuotaOptions(), TimeProvider.System);

    private static ModelAttempt Attempt(string outcome, int status, long latencyMs, int promptTokens = 0) =>
        new("student", outcome, status, DateTimeOffset.UtcNow, latencyMs, new TokenUsage(promptTokens, 10), 0m, "v", "{}", null, null);

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
