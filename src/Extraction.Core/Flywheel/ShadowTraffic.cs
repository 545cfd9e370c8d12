using System.Globalization;
using System.Threading.Channels;
using Extraction.Core.Budgets;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Models;
using Extraction.Core.Quota;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Flywheel;

/// <summary>
/// Shadow answers: a sample (<c>Model:Shadow:SampleRate</c>) of served accounts waits in a bounded queue
/// and is answered by the candidate on a few background workers, after the account's own answer was made
/// and returned — so the shadow never delays or changes a result. Each call reserves in the account's own
/// budgets (the shadow's spending is inside them) and in shadow scopes that hold it to
/// <c>Model:Shadow:BudgetShare</c> of each of those budgets and to <c>Model:Shadow:DailyUsd</c>. What the
/// candidate agreed on is written per account to the shadow table (<see cref="ShadowLedger"/>).
/// </summary>
[Singleton(Hosted = true, As = typeof(IShadowTraffic))]
public sealed class ShadowTraffic(
    DeploymentRunner runner, AttemptBudgets budgets, ShadowLedger ledger, IOptions<ModelOptions> options, TimeProvider time, ILogger<ShadowTraffic> logger)
    : IShadowTraffic, IHostedService, IDisposable
{
    private readonly Channel<ShadowJob> _queue = Channel.CreateBounded<ShadowJob>(
        new BoundedChannelOptions(options.Value.Shadow.QueueLength) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stopping = new();
    private Task _workers = Task.CompletedTask;
    private long _offered, _dropped, _done, _overBudget;

    /// <summary>Accounts sampled and queued; dropped because the queue was full; answered (or given up); refused by a budget.</summary>
    public (long Offered, long Dropped, long Done, long OverBudget) Counts =>
        (Interlocked.Read(ref _offered), Interlocked.Read(ref _dropped), Interlocked.Read(ref _done), Interlocked.Read(ref _overBudget));

    public void Offer(string shadowDeployment, BatchItem item, AccountContext context, ModelAnswer served)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(served);
        var rate = options.Value.Shadow.SampleRate;
        if (served.Fields is null || rate <= 0 || Random.Shared.NextDouble() >= rate)
        {
            return;
        }

        // Counted before it is queued, so a worker can never finish it before it is counted (DrainAsync).
        Interlocked.Increment(ref _offered);
        if (!_queue.Writer.TryWrite(new ShadowJob(shadowDeployment, item, context.Scopes, served.Fields, served.Model)))
        {
            Interlocked.Decrement(ref _offered);
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Completes when every queued account has been answered (tests and a graceful stop).</summary>
    public async Task DrainAsync(CancellationToken cancellationToken = default)
    {
        while (Interlocked.Read(ref _done) < Interlocked.Read(ref _offered))
        {
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _workers = Task.WhenAll(Enumerable.Range(0, options.Value.Shadow.Concurrency).Select(_ => Task.Run(WorkAsync, CancellationToken.None)));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        try
        {
            await _workers.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task WorkAsync()
    {
        await foreach (var job in _queue.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
        {
            try
            {
                await AnswerAsync(job).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "A shadow answer from {Deployment} was not recorded", job.Deployment);
            }
            finally
            {
                Interlocked.Increment(ref _done);
            }
        }
    }

    private async Task AnswerAsync(ShadowJob job)
    {
        var settings = options.Value;
        var attempts = new List<ModelAttempt>();
        var budget = budgets.For(job.Item, Scopes(job.Scopes, settings.Shadow));
        var request = ExtractionRequest.For(job.Item, settings.MaxOutputTokens);
        // A shadow call waits for a slot at most as long as it may take: it answers beside the served path, never ahead of it.
        var window = new CallWindow(TimeSpan.FromMilliseconds(settings.TimeoutMs), time.GetUtcNow().AddMilliseconds(2.0 * settings.TimeoutMs), CallLane.Background);
        var outcome = await runner.RunAsync(job.Deployment, window, request, attempts, budget, _stopping.Token).ConfigureAwait(false);
        if (outcome.DeniedBy is not null && attempts.Count == 0)
        {
            Interlocked.Increment(ref _overBudget);
            return;
        }

        await ledger.RecordAsync(job.Deployment, job.ServedBy, job.Served, outcome.Fields, attempts, _stopping.Token).ConfigureAwait(false);
    }

    /// <summary>The account's own scopes, a shadow share of each, and the shadow's daily ceiling.</summary>
    private List<BudgetScope> Scopes(IReadOnlyList<BudgetScope> account, ShadowOptions shadow)
    {
        var day = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return
        [
            .. account,
            .. account.Select(s => new BudgetScope($"shadow|{s.Key}", $"the shadow's share of {s.Name}", (long)(s.LimitNano * shadow.BudgetShare))),
            new BudgetScope($"shadow|{day}", $"the shadow daily budget for {day}", Nano.FromUsd(shadow.DailyUsd)),
        ];
    }

    private sealed record ShadowJob(string Deployment, BatchItem Item, IReadOnlyList<BudgetScope> Scopes, ExtractedFields Served, string? ServedBy);
}
