using System.Collections.Concurrent;
using Extraction.Core.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Budgets;

/// <summary>
/// Reserve, then settle, against every scope of a call — spending from blocks leased to this process,
/// so a busy scope's ledger row is written once per block, not once per call.
/// <para>
/// The guarantee: a scope's recorded spend never exceeds its limit, because leases never do and a call
/// is only made inside a reservation. Actual spend can exceed the limit by at most
/// Σ(actual − reserved)⁺ over calls in flight — zero while reservations are worst cases — plus, for each
/// worker that dies holding a lease, what it spent since its last completed flush (one is asked for every
/// <c>Budget:FlushEvery</c> settlements).
/// </para>
/// <para>
/// Each scope this process spends from is a <see cref="ScopeLease"/> with a lifetime: made at its first
/// reservation, retired once nothing is in flight and it has been idle for a third of <c>Budget:LeaseSeconds</c>
/// (a batch that finished, a day that ended), when its lease goes back to the ledger and it is forgotten.
/// A worker's memory holds the scopes it is spending from, not every scope it ever saw.
/// </para>
/// </summary>
[Singleton(Hosted = true)]
public sealed class BudgetGuard(BudgetLedger ledger, IOptions<BudgetOptions> options, TimeProvider time, ILogger<BudgetGuard> logger) : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<string, ScopeLease> _scopes = new(StringComparer.Ordinal);
    private readonly LeaseTerms _terms = new(
        ledger, Nano.FromUsd(options.Value.BlockUsd), TimeSpan.FromSeconds(options.Value.LeaseSeconds), options.Value.FlushEvery, time, logger);

    private readonly CancellationTokenSource _stopping = new();
    private Task _retiring = Task.CompletedTask;

    /// <summary>The scopes this process holds now (a lease, or reservations in flight).</summary>
    public int ScopeCount => _scopes.Count;

    /// <summary>Reserves <paramref name="amountNano"/> in every scope, or in none. Throws <see cref="BudgetUnavailableException"/> when the ledger cannot be reached.</summary>
    public async Task<BudgetReservation> ReserveAsync(IReadOnlyList<BudgetScope> scopes, long amountNano, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var held = new List<ScopeLease>(scopes.Count);
        try
        {
            foreach (var scope in scopes)
            {
                var lease = Enter(scope);
                var took = false;
                try
                {
                    took = await lease.TakeAsync(amountNano, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    if (!took)
                    {
                        lease.Leave();
                    }
                }

                if (!took)
                {
                    GiveBack(held, amountNano);
                    return new BudgetReservation(scopes, amountNano, scope);
                }

                held.Add(lease);
            }
        }
        catch
        {
            GiveBack(held, amountNano);
            throw;
        }

        return new BudgetReservation(scopes, amountNano, null) { Held = held };
    }

    /// <summary>
    /// Records what the call actually cost (zero where it made no call) and frees the rest of the
    /// reservation; every <c>FlushEvery</c>-th settlement of a scope asks for a flush of its lease row.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "A reservation is settled with the guard that made it, as callers hold it.")]
    public void Settle(BudgetReservation reservation, long actualNano)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        foreach (var lease in reservation.Held)
        {
            lease.Settle(reservation.AmountNano, actualNano);
        }
    }

    /// <summary>Waits for the ledger writes asked for so far (flushes and top-ups).</summary>
    public Task WhenWrittenAsync() => Task.WhenAll(_scopes.Values.Select(lease => lease.WrittenAsync()));

    /// <summary>Gives every lease back to its scope once its reservations settled (on shutdown, or to make the ledger exact now).</summary>
    public Task ReturnAllAsync(CancellationToken cancellationToken = default) =>
        Task.WhenAll(_scopes.Values.Where(lease => lease.TryRetire(default, force: true)).Select(lease => ForgetAsync(lease, cancellationToken)));

    /// <summary>Gives back the leases of scopes idle since a third of the lease time ago; how many went.</summary>
    public async Task<int> RetireIdleAsync()
    {
        var idleSince = time.GetUtcNow() - _terms.Ttl / 3;
        var idle = _scopes.Values.Where(lease => lease.TryRetire(idleSince)).ToList();
        await Task.WhenAll(idle.Select(lease => ForgetAsync(lease, CancellationToken.None))).ConfigureAwait(false);
        return idle.Count;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _retiring = RetireIdleEveryAsync(_terms.Ttl / 3, _stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _retiring.ConfigureAwait(false);
        await ReturnAllAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _stopping.Dispose();

    private ScopeLease Enter(BudgetScope scope)
    {
        while (true)
        {
            if (!_scopes.TryGetValue(scope.Key, out var lease))
            {
                var made = new ScopeLease(scope, _terms);
                lease = _scopes.GetOrAdd(scope.Key, made);
                if (lease != made)
                {
                    made.Close();
                }
            }

            if (lease.Enter())
            {
                return lease;
            }

            // Retired between the lookup and now: it leaves the map (if still there) and the next turn makes a fresh one.
            _scopes.TryRemove(new KeyValuePair<string, ScopeLease>(scope.Key, lease));
        }
    }

    private async Task ForgetAsync(ScopeLease lease, CancellationToken cancellationToken)
    {
        _scopes.TryRemove(new KeyValuePair<string, ScopeLease>(lease.Scope.Key, lease));
        await lease.ReturnAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void GiveBack(List<ScopeLease> held, long amountNano)
    {
        foreach (var lease in held)
        {
            lease.Settle(amountNano, spent: 0);
        }
    }

    private async Task RetireIdleEveryAsync(TimeSpan period, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await RetireIdleAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The lease stays with the ledger; its expiry gives it back there.
                    logger.LogWarning(ex, "An idle budget lease could not be given back");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
