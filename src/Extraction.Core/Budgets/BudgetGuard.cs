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
/// <c>Budget:FlushEvery</c> settlements and runs once the scope's writer is free).
/// </para>
/// <para>
/// Callers wait on the ledger only when their scope's lease is spent or about to expire. Flushes, and
/// top-ups of a lease running low, are written in the background — one ledger write per scope at a
/// time — so a busy scope's calls do not queue behind its table row.
/// </para>
/// </summary>
[Singleton(Hosted = true)]
public sealed class BudgetGuard(BudgetLedger ledger, IOptions<BudgetOptions> options, TimeProvider time, ILogger<BudgetGuard> logger) : IHostedService
{
    private readonly ConcurrentDictionary<string, Local> _scopes = new(StringComparer.Ordinal);
    private readonly BudgetOptions _options = options.Value;

    private TimeSpan Ttl => TimeSpan.FromSeconds(_options.LeaseSeconds);

    private readonly long _block = Nano.FromUsd(options.Value.BlockUsd);

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
            if (local.Remaining < _block / 2)
            {
                InBackground(local, Work.TopUp);
            }
        }

        return new BudgetReservation(scopes, amountNano, null);
    }

    /// <summary>
    /// Records what the call actually cost (zero where it made no call) and frees the rest of the
    /// reservation; every <c>FlushEvery</c>-th settlement of a scope starts a flush of its lease row.
    /// </summary>
    public void Settle(BudgetReservation reservation, long actualNano)
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
                InBackground(local, Work.Flush);
            }
        }
    }

    /// <summary>Waits for the ledger writes started in the background so far (flushes and top-ups).</summary>
    public Task WhenWrittenAsync() => Task.WhenAll(_scopes.Values.Select(local => local.Writer));

    /// <summary>Gives every lease back to its scope (on shutdown, or to make the ledger exact now).</summary>
    public async Task ReturnAllAsync(CancellationToken cancellationToken = default)
    {
        await WhenWrittenAsync().ConfigureAwait(false);
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

            var block = Math.Max(_block, amount);
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

    private async Task FlushAsync(Local local)
    {
        if (local.Lease is not { } lease)
        {
            return;
        }

        var renewedUntil = time.GetUtcNow() + Ttl;
        if (await ledger.FlushAsync(lease, local.LeaseSpent, Ttl).ConfigureAwait(false))
        {
            local.Renewed(lease.Id, renewedUntil);
            return;
        }

        // Taken back while this process still spent from it: what it reported was counted then. A lease
        // acquired since (the next caller may have noticed first) is not this one and stays.
        await local.Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (local.Lease?.Id == lease.Id)
            {
                local.Reset();
            }
        }
        finally
        {
            local.Gate.Release();
        }
    }

    /// <summary>Grows a lease running low before its callers find it empty and have to wait for the ledger.</summary>
    private async Task TopUpAsync(Local local)
    {
        await local.Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            // Leases near expiry are renewed by the next caller (flush first, so a taken-back lease is noticed).
            if (local.Lease is { } lease && local.Remaining < _block / 2 && lease.ExpiresAt > time.GetUtcNow() + Ttl / 3
                && await ledger.GrowAsync(local.Scope, lease, _block, 1, Ttl).ConfigureAwait(false) is { } grown)
            {
                local.Grow(grown);
            }
        }
        finally
        {
            local.Gate.Release();
        }
    }

    /// <summary>
    /// Asks for a ledger write for the scope. One writer per scope runs them in turn; a request made
    /// while it runs is done after, and requests for the same work coalesce.
    /// </summary>
    private void InBackground(Local local, Work work) => local.Request(work, () => WriteInTurnAsync(local));

    private async Task WriteInTurnAsync(Local local)
    {
        while (local.NextWork() is { } work)
        {
            try
            {
                await (work == Work.Flush ? FlushAsync(local) : TopUpAsync(local)).ConfigureAwait(false);
            }
            catch (BudgetUnavailableException ex)
            {
                // Nothing is lost: the next flush carries the running total, and callers meet the ledger inline when they must.
                logger.LogWarning(ex, "A background write to the budget ledger of {Scope} failed", local.Scope.Name);
            }
        }
    }

    private enum Work
    {
        Flush,
        TopUp,
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

        /// <summary>The background writer of this scope's ledger rows (completed when idle).</summary>
        public Task Writer { get; private set; } = Task.CompletedTask;

        private bool _writing;
        private bool _flushWanted;
        private bool _topUpWanted;

        public long Remaining
        {
            get
            {
                lock (_sync)
                {
                    return _remaining;
                }
            }
        }

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

        /// <summary>Records the request, and starts <paramref name="writer"/> where none runs.</summary>
        public void Request(Work work, Func<Task> writer)
        {
            lock (_sync)
            {
                _flushWanted |= work == Work.Flush;
                _topUpWanted |= work == Work.TopUp;
                if (!_writing)
                {
                    _writing = true;
                    Writer = Task.Run(writer);
                }
            }
        }

        /// <summary>The next requested write (a top-up first: callers may be about to wait for it), or null, ending the writer's turn.</summary>
        public Work? NextWork()
        {
            lock (_sync)
            {
                Work? next = _topUpWanted ? Work.TopUp : _flushWanted ? Work.Flush : null;
                _topUpWanted &= next != Work.TopUp;
                _flushWanted &= next != Work.Flush;
                _writing = next is not null;
                return next;
            }
        }

        public void Renewed(string leaseId, DateTimeOffset until)
        {
            lock (_sync)
            {
                if (Lease is { } lease && lease.Id == leaseId && until > lease.ExpiresAt)
                {
                    Lease = lease with { ExpiresAt = until };
                }
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
