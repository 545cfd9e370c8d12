namespace Extraction.Core.Budgets;

/// <summary>
/// The numbers of one scope's lease in this process — what is left, what was spent, the reservations in flight —
/// behind one lock held for arithmetic only, never across a ledger call.
/// </summary>
internal sealed class LeaseBalance(DateTimeOffset now)
{
    private readonly Lock _sync = new();
    private Lease? _lease;
    private long _remaining;
    private long _spent;
    private int _settled;
    private int _inFlight;
    private bool _retired;
    private DateTimeOffset _lastUsed = now;

    public Lease? Lease
    {
        get
        {
            lock (_sync)
            {
                return _lease;
            }
        }
    }

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

    public long Spent
    {
        get
        {
            lock (_sync)
            {
                return _spent;
            }
        }
    }

    /// <summary>Counts a reservation in; false once retired.</summary>
    public bool Enter(DateTimeOffset now)
    {
        lock (_sync)
        {
            if (_retired)
            {
                return false;
            }

            _inFlight++;
            _lastUsed = now;
            return true;
        }
    }

    public bool TryTake(long amount, DateTimeOffset renewBy)
    {
        lock (_sync)
        {
            if (_lease is null || _lease.ExpiresAt <= renewBy || _remaining < amount)
            {
                return false;
            }

            _remaining -= amount;
            return true;
        }
    }

    /// <summary>Puts back what was taken for nobody (a caller that stopped waiting).</summary>
    public void Untake(long amount)
    {
        lock (_sync)
        {
            _remaining += amount;
        }
    }

    /// <summary>Records a settlement and counts its reservation out: whether it is the <paramref name="flushEvery"/>-th, and whether it was the last in flight of a retired scope.</summary>
    public (bool Flush, bool Drained) Settle(long reserved, long spent, int flushEvery)
    {
        lock (_sync)
        {
            _remaining += reserved - spent;
            _spent += spent;
            var flush = ++_settled % flushEvery == 0;
            return (flush, --_inFlight == 0 && _retired);
        }
    }

    /// <summary>Counts out a reservation that took nothing; true when it was the last in flight of a retired scope.</summary>
    public bool Leave()
    {
        lock (_sync)
        {
            return --_inFlight == 0 && _retired;
        }
    }

    /// <summary>Retires when nothing is in flight and it was last used before <paramref name="idleSince"/> (always, with <paramref name="force"/>).</summary>
    public (bool Retired, bool Drained) TryRetire(DateTimeOffset idleSince, bool force)
    {
        lock (_sync)
        {
            if (_retired || (!force && (_inFlight > 0 || _lastUsed > idleSince)))
            {
                return (false, false);
            }

            _retired = true;
            return (true, _inFlight == 0);
        }
    }

    public void Grown(Lease lease)
    {
        lock (_sync)
        {
            _remaining += lease.AmountNano - (_lease?.AmountNano ?? 0);
            _lease = lease;
        }
    }

    public void Renewed(string leaseId, DateTimeOffset until)
    {
        lock (_sync)
        {
            if (_lease is { } lease && lease.Id == leaseId && until > lease.ExpiresAt)
            {
                _lease = lease with { ExpiresAt = until };
            }
        }
    }

    /// <summary>No lease any more: it was taken back (what it spent was counted then) or given back.</summary>
    public void Reset()
    {
        lock (_sync)
        {
            _lease = null;
            _remaining = 0;
            _spent = 0;
        }
    }
}
