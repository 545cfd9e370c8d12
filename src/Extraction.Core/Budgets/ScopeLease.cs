using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Extraction.Core.Budgets;

/// <summary>What every scope's lease is held to: the ledger, the block it grows by, how long a lease stands.</summary>
internal sealed record LeaseTerms(BudgetLedger Ledger, long Block, TimeSpan Ttl, int FlushEvery, TimeProvider Time, ILogger Logger);

/// <summary>
/// This process's share of one scope, from its first reservation until its lease goes back. Callers take from
/// the <see cref="LeaseBalance"/>; every ledger write of the scope (a caller's growth, a background top-up or
/// flush, the return) is made by one owner task reading them from a channel in turn, so no two writes of a
/// scope overlap and no lock is held across one.
/// </summary>
internal sealed class ScopeLease
{
    private static readonly Work TopUpWork = new TopUp();
    private static readonly Work FlushWork = new Flush();

    private readonly LeaseTerms _terms;
    private readonly LeaseBalance _balance;
    private readonly Channel<Work> _work = Channel.CreateUnbounded<Work>(new() { SingleReader = true });
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _topUpQueued;
    private int _flushQueued;

    public ScopeLease(BudgetScope scope, LeaseTerms terms)
    {
        Scope = scope;
        _terms = terms;
        _balance = new LeaseBalance(terms.Time.GetUtcNow());
        Owner = Task.Run(OwnAsync);
    }

    public BudgetScope Scope { get; }

    /// <summary>Ends once the lease went back (or the scope was closed unused).</summary>
    public Task Owner { get; }

    /// <summary>Counts a reservation in; false once the scope is retired (take a fresh one).</summary>
    public bool Enter() => _balance.Enter(_terms.Time.GetUtcNow());

    /// <summary>Takes <paramref name="amount"/> from the lease, through the owner when the lease is short; false when the scope has no room.</summary>
    public async Task<bool> TakeAsync(long amount, CancellationToken cancellationToken)
    {
        // Renew well before expiry, so a sweeper never takes back a lease this process is still spending.
        var renewBy = _terms.Time.GetUtcNow() + _terms.Ttl / 3;
        if (!_balance.TryTake(amount, renewBy))
        {
            var grow = new Grow(amount, renewBy, new(TaskCreationOptions.RunContinuationsAsynchronously), cancellationToken);
            using var cancel = cancellationToken.Register(() => grow.Done.TrySetCanceled(cancellationToken));
            if (!_work.Writer.TryWrite(grow))
            {
                throw new InvalidOperationException($"The lease of {Scope.Name} went back while a reservation was being made.");
            }

            if (!await grow.Done.Task.ConfigureAwait(false))
            {
                return false;
            }
        }

        if (_balance.Remaining < _terms.Block / 2)
        {
            Post(TopUpWork, ref _topUpQueued);
        }

        return true;
    }

    /// <summary>Gives back what a reservation did not spend and counts it out; every <c>FlushEvery</c>-th settlement asks for a flush.</summary>
    public void Settle(long reserved, long spent)
    {
        var (flush, drained) = _balance.Settle(reserved, spent, _terms.FlushEvery);
        if (drained)
        {
            _drained.TrySetResult();
        }
        else if (flush)
        {
            Post(FlushWork, ref _flushQueued);
        }
    }

    /// <summary>Counts out a reservation that took nothing here (refused, or given up while waiting).</summary>
    public void Leave()
    {
        if (_balance.Leave())
        {
            _drained.TrySetResult();
        }
    }

    /// <summary>Retires the scope when nothing is in flight and it was last used before <paramref name="idleSince"/> (always, with <paramref name="force"/>).</summary>
    public bool TryRetire(DateTimeOffset idleSince, bool force = false)
    {
        var (retired, drained) = _balance.TryRetire(idleSince, force);
        if (drained)
        {
            _drained.TrySetResult();
        }

        return retired;
    }

    /// <summary>After <see cref="TryRetire"/>: once the reservations in flight settled (or <paramref name="cancellationToken"/> ends the wait), the owner gives the lease back and stops.</summary>
    public async Task ReturnAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _drained.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutting down with calls unsettled: what they spend from here on is not in the ledger, as for a worker that dies.
            _terms.Logger.LogWarning("The lease of {Scope} went back with reservations unsettled", Scope.Name);
        }

        var giveBack = new Return(new(TaskCreationOptions.RunContinuationsAsynchronously));
        await (_work.Writer.TryWrite(giveBack) ? giveBack.Done.Task : Owner).ConfigureAwait(false);
    }

    /// <summary>Completes once every ledger write asked for before it is done.</summary>
    public Task WrittenAsync()
    {
        var barrier = new Barrier(new(TaskCreationOptions.RunContinuationsAsynchronously));
        return _work.Writer.TryWrite(barrier) ? barrier.Done.Task : Owner;
    }

    /// <summary>Stops the owner of a scope that was never used (the twin a race to add the scope made).</summary>
    public void Close() => _work.Writer.TryComplete();

    /// <summary>Queues a background write unless one of its kind is already queued (requests coalesce).</summary>
    private void Post(Work work, ref int queued)
    {
        if (Interlocked.Exchange(ref queued, 1) == 0 && !_work.Writer.TryWrite(work))
        {
            Volatile.Write(ref queued, 0);
        }
    }

    private async Task OwnAsync()
    {
        await foreach (var work in _work.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                switch (work)
                {
                    case Grow grow:
                        await GrowAsync(grow).ConfigureAwait(false);
                        break;
                    case TopUp:
                        Volatile.Write(ref _topUpQueued, 0);
                        await TopUpAsync().ConfigureAwait(false);
                        break;
                    case Flush:
                        Volatile.Write(ref _flushQueued, 0);
                        await FlushAsync().ConfigureAwait(false);
                        break;
                    case Barrier barrier:
                        barrier.Done.TrySetResult();
                        break;
                    case Return giveBack:
                        _work.Writer.TryComplete();
                        await GiveBackAsync().ConfigureAwait(false);
                        giveBack.Done.TrySetResult();
                        break;
                }
            }
            catch (Exception ex)
            {
                switch (work)
                {
                    case Grow grow:
                        grow.Done.TrySetException(ex);
                        break;
                    case Return giveBack:
                        giveBack.Done.TrySetException(ex);
                        break;
                    default:
                        // Nothing is lost: the next flush carries the running total, and callers meet the ledger inline when they must.
                        _terms.Logger.LogWarning(ex, "A background write to the budget ledger of {Scope} failed", Scope.Name);
                        break;
                }
            }
        }
    }

    /// <summary>A caller's turn: an earlier growth may already have made room; else renew or grow the lease, and take for the caller.</summary>
    private async Task GrowAsync(Grow grow)
    {
        if (grow.Done.Task.IsCompleted)
        {
            return; // The caller stopped waiting.
        }

        var took = _balance.TryTake(grow.Amount, grow.RenewBy);
        if (!took)
        {
            if (_balance.Lease is { } current && current.ExpiresAt <= grow.RenewBy
                && !await _terms.Ledger.FlushAsync(current, _balance.Spent, _terms.Ttl, grow.CancellationToken).ConfigureAwait(false))
            {
                _balance.Reset(); // Taken back while idle: what it spent was counted then.
            }

            var block = Math.Max(_terms.Block, grow.Amount);
            if (await _terms.Ledger.GrowAsync(Scope, _balance.Lease, block, grow.Amount, _terms.Ttl, grow.CancellationToken).ConfigureAwait(false) is { } grown)
            {
                _balance.Grown(grown);
                took = _balance.TryTake(grow.Amount, DateTimeOffset.MinValue);
            }
        }

        if (!took)
        {
            grow.Done.TrySetResult(false);
        }
        else if (!grow.Done.TrySetResult(true))
        {
            _balance.Untake(grow.Amount);
        }
    }

    /// <summary>Grows a lease running low before its callers find it empty; one near expiry is renewed by its next caller instead.</summary>
    private async Task TopUpAsync()
    {
        if (_balance.Lease is { } lease && _balance.Remaining < _terms.Block / 2 && lease.ExpiresAt > _terms.Time.GetUtcNow() + _terms.Ttl / 3
            && await _terms.Ledger.GrowAsync(Scope, lease, _terms.Block, 1, _terms.Ttl).ConfigureAwait(false) is { } grown)
        {
            _balance.Grown(grown);
        }
    }

    private async Task FlushAsync()
    {
        if (_balance.Lease is not { } lease)
        {
            return;
        }

        var renewedUntil = _terms.Time.GetUtcNow() + _terms.Ttl;
        if (await _terms.Ledger.FlushAsync(lease, _balance.Spent, _terms.Ttl).ConfigureAwait(false))
        {
            _balance.Renewed(lease.Id, renewedUntil);
        }
        else
        {
            _balance.Reset(); // Taken back while this process still spent from it: what it reported was counted then.
        }
    }

    private async Task GiveBackAsync()
    {
        // A lease the ledger already took back (the flush says so) has nothing to give back.
        if (_balance.Lease is { } lease && await _terms.Ledger.FlushAsync(lease, _balance.Spent, _terms.Ttl).ConfigureAwait(false))
        {
            await _terms.Ledger.ReturnAsync(lease, _balance.Spent).ConfigureAwait(false);
        }

        _balance.Reset();
    }

    private abstract record Work;

    private sealed record Grow(long Amount, DateTimeOffset RenewBy, TaskCompletionSource<bool> Done, CancellationToken CancellationToken) : Work;

    private sealed record TopUp : Work;

    private sealed record Flush : Work;

    private sealed record Barrier(TaskCompletionSource Done) : Work;

    private sealed record Return(TaskCompletionSource Done) : Work;
}
