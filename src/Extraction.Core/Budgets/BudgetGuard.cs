using System.Collections.Concurrent;
using Extraction.Core.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Budgets;

/// <summary>
/// Reserve, then settle, against every scope of a call — spending from blocks leased to this process,
/// so a busy scope's ledger row is written once per block, not once per call.
/// <para>
/// The guarantee: a scope's recorded spend never exceeds its limit, because leases never do and a call
/// is only made inside a reservation. Actual spend can exceed the limit by at most
/// Σ(actual − reserved)⁺ over calls in flight — zero while reservations are worst cases — plus, for each
/// worker that dies holding a lease, what it spent since its last flush: fewer than
/// <c>Budget:FlushEvery</c> calls' cost.
/// </para>
/// </summary>
public sealed class BudgetGuard(BudgetLedger ledger, IOptions<BudgetOptions> options, TimeProvider time) : IHostedService
{
    private readonly ConcurrentDictionary<string, Local> _scopes = new(StringComparer.Ordinal);
    private readonly BudgetOptions _options = options.Value;

    private TimeSpan Ttl => TimeSpan.FromSeconds(_options.LeaseSeconds);

    /// <summary>Reserves <paramref name="amountNano"/> in every scope, or in none. Throws <see cref="BudgetUnavailableException"/> when the ledger cannot be reached.</summary>
    public async Task<BudgetReservation> ReserveAsync(IReadOnlyList<BudgetScope> scopes, long amountNano, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var taken = new List<Local>(scopes.Count);
        foreach (var scope in scopes)
        {
            var local = _scopes.GetOrAdd(scope.Key, _ => new Local(scope));
            if (!await TakeAsync(local, amountNano, cancellationToken).ConfigureAwait(false))
            {
                foreach (var done in taken)
                {
                    done.Give(amountNano, spent: 0);
                }

                return new BudgetReservation(scopes, amountNano, scope);
            }

            taken.Add(local);
        }

        return new BudgetReservation(scopes, amountNano, null);
    }

    /// <summary>Records what the call actually cost (zero where it made no call) and frees the rest of the reservation.</summary>
    public async Task SettleAsync(BudgetReservation reservation, long actualNano, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        if (!reservation.Granted)
        {
            return;
        }

        foreach (var scope in reservation.Scopes)
        {
            var local = _scopes[scope.Key];
            if (local.Give(reservation.AmountNano, actualNano) % _options.FlushEvery == 0)
            {
                await FlushAsync(local, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Gives every lease back to its scope (on shutdown, or to make the ledger exact now).</summary>
    public async Task ReturnAllAsync(CancellationToken cancellationToken = default)
    {
        foreach (var local in _scopes.Values)
        {
            await local.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (local.Lease is { } lease)
                {
                    await ledger.ReturnAsync(lease, local.LeaseSpent, cancellationToken).ConfigureAwait(false);
                    local.Reset();
                }
            }
            finally
            {
                local.Gate.Release();
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => ReturnAllAsync(cancellationToken);

    private async Task<bool> TakeAsync(Local local, long amount, CancellationToken cancellationToken)
    {
        // Renew well before expiry, so a sweeper never takes back a lease this process is still spending.
        var renewBy = time.GetUtcNow() + Ttl / 3;
        if (local.TryTake(amount, renewBy))
        {
            return true;
        }

        await local.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (local.TryTake(amount, renewBy))
            {
                return true;
            }

            if (local.Lease is { } current && current.ExpiresAt <= renewBy && !await ledger.FlushAsync(current, local.LeaseSpent, Ttl, cancellationToken).ConfigureAwait(false))
            {
                local.Reset(); // Taken back while idle: what it spent was counted then.
            }

            var block = Math.Max(Nano.FromUsd(_options.BlockUsd), amount);
            var grown = await ledger.GrowAsync(local.Scope, local.Lease, block, amount, Ttl, cancellationToken).ConfigureAwait(false);
            if (grown is null)
            {
                return false;
            }

            local.Grow(grown);
            return local.TryTake(amount, DateTimeOffset.MinValue);
        }
        finally
        {
            local.Gate.Release();
        }
    }

    private async Task FlushAsync(Local local, CancellationToken cancellationToken)
    {
        if (local.Lease is { } lease && !await ledger.FlushAsync(lease, local.LeaseSpent, Ttl, cancellationToken).ConfigureAwait(false))
        {
            await local.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            local.Reset();
            local.Gate.Release();
        }
    }

    /// <summary>This process's share of one scope: its lease, what is left of it, what it spent.</summary>
    private sealed class Local(BudgetScope scope)
    {
        private readonly Lock _sync = new();
        private long _remaining;
        private long _spent;
        private int _settled;

        public BudgetScope Scope { get; } = scope;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public Lease? Lease { get; private set; }

        public long LeaseSpent
        {
            get
            {
                lock (_sync)
                {
                    return _spent;
                }
            }
        }

        public bool TryTake(long amount, DateTimeOffset renewBy)
        {
            lock (_sync)
            {
                if (Lease is null || Lease.ExpiresAt <= renewBy || _remaining < amount)
                {
                    return false;
                }

                _remaining -= amount;
                return true;
            }
        }

        /// <summary>Returns the settlement count, so every n-th one flushes.</summary>
        public int Give(long reserved, long spent)
        {
            lock (_sync)
            {
                _remaining += reserved - spent;
                _spent += spent;
                return ++_settled;
            }
        }

        public void Grow(Lease lease)
        {
            lock (_sync)
            {
                _remaining += lease.AmountNano - (Lease?.AmountNano ?? 0);
                Lease = lease;
            }
        }

        public void Reset()
        {
            lock (_sync)
            {
                Lease = null;
                _remaining = 0;
                _spent = 0;
            }
        }
    }
}
