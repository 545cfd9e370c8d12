using Extraction.Core.Configuration;
using Extraction.Core.Contracts;

namespace Extraction.Core.Quota;

/// <summary>
/// One deployment's limiter in this process: calls go when a slot is free, paced to this instance's share of the
/// deployment's requests and tokens a minute (evenly spaced, as the server counts them over short slices, so a
/// burst waits briefly instead of being refused), with at most the adaptive in-flight limit at once. Waiting calls
/// go realtime first, then batch, then background. A call whose slot could not come before its deadline is not
/// queued at all (null: the deployment is saturated). Batch accounts are admitted a few seconds of calls at a time
/// (<see cref="AdmitAsync"/>), so they queue before their own deadline starts, not after.
/// <para>All state is under one lock held for arithmetic only; one timer wakes the queue when the pace allows.</para>
/// </summary>
public sealed class QuotaGate : IDisposable
{
    /// <summary>Paced a little under the quota: the server's slices and ours are not aligned, and arrivals jitter.</summary>
    public const double Headroom = 0.95;

    private readonly Lock _lock = new();
    private readonly LinkedList<Waiter>[] _lanes = [new(), new(), new()];
    private readonly LinkedList<Admission> _admissions = new();
    private readonly DeploymentQuotaOptions _quota;
    private readonly QuotaOptions _options;
    private readonly TimeProvider _time;
    private readonly AdaptiveLimit _limit;
    private readonly ITimer _timer;
    private readonly double _ticksPerSecond;
    private readonly Action? _firstUse;
    private int _used;
    private double _share = 1;
    private int _inFlight;
    private int _admitted;
    private long _nextRequestAt;
    private double _nextTokensAt;
    private long _pausedUntil;
    private long _armedFor = long.MaxValue;
    private double _promptScale = 1;
    private double _latencyMs;
    private long _granted;
    private long _rateLimited;
    private long _saturated;
    private double _waitedTicks;
    private double _pacedTicks;
    private long _pacedSince;

    public QuotaGate(string deployment, DeploymentQuotaOptions quota, QuotaOptions options, TimeProvider time, Action? firstUse = null)
    {
        _firstUse = firstUse;
        ArgumentNullException.ThrowIfNull(quota);
        ArgumentNullException.ThrowIfNull(time);
        Deployment = deployment;
        (_quota, _options, _time) = (quota, options, time);
        _ticksPerSecond = time.TimestampFrequency;
        _limit = new AdaptiveLimit(quota.MaxInFlight);
        _timer = time.CreateTimer(_ => Wake(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public string Deployment { get; }

    /// <summary>
    /// A slot for one call of <paramref name="promptTokens"/> (this process's count) and <paramref name="maxOutputTokens"/>,
    /// or null when none could come before <paramref name="deadline"/> with time left for the call.
    /// </summary>
    public Task<QuotaSlot?> AcquireAsync(int promptTokens, int maxOutputTokens, CallLane lane, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Interlocked.Exchange(ref _used, 1) == 0)
        {
            _firstUse?.Invoke();
        }
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            var tokens = (int)Math.Ceiling(promptTokens * _promptScale) + maxOutputTokens;
            if (Ahead(lane) == 0 && _inFlight < InFlightLimit && DueAt(lane, tokens) <= now)
            {
                return Task.FromResult<QuotaSlot?>(Grant(now, now, tokens, promptTokens, maxOutputTokens));
            }

            var timeLeft = deadline == DateTimeOffset.MaxValue ? TimeSpan.MaxValue : deadline - _time.GetUtcNow() - TimeSpan.FromMilliseconds(_latencyMs);
            if (timeLeft <= TimeSpan.Zero || Seconds(PredictedWait(now, lane, tokens)) >= timeLeft.TotalSeconds)
            {
                _saturated++;
                return Task.FromResult<QuotaSlot?>(null);
            }

            var waiter = new Waiter(lane, tokens, promptTokens, maxOutputTokens, now);
            waiter.Node = _lanes[(int)lane].AddLast(waiter);
            _pacedSince = _pacedSince == 0 ? now : _pacedSince;
            if (timeLeft != TimeSpan.MaxValue)
            {
                waiter.Expiry = _time.CreateTimer(_ => GiveUp(waiter, saturated: true), null, timeLeft, Timeout.InfiniteTimeSpan);
            }

            waiter.Cancellation = cancellationToken.UnsafeRegister(_ => GiveUp(waiter, saturated: false), null);
            Dispatch(now);
            return waiter.Done.Task;
        }
    }

    /// <summary>
    /// Admits a batch account to the deployment's queue once fewer than the calls its pace keeps in flight plus
    /// <c>Model:Quota:BatchQueueSeconds</c> of calls are admitted; null when <paramref name="until"/> (the batch's
    /// deadline) passes first. Disposing the admission lets the next account in.
    /// </summary>
    public Task<IDisposable?> AdmitAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_admissions.Count == 0 && _admitted < AdmitLimit)
            {
                _admitted++;
                return Task.FromResult<IDisposable?>(new Admitted(this));
            }

            var admission = new Admission();
            admission.Node = _admissions.AddLast(admission);
            var wait = until - _time.GetUtcNow();
            if (until != DateTimeOffset.MaxValue)
            {
                admission.Expiry = _time.CreateTimer(_ => GiveUp(admission), null, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            }

            admission.Cancellation = cancellationToken.UnsafeRegister(_ => GiveUp(admission, cancellationToken), null);
            return admission.Done.Task;
        }
    }

    /// <summary>This instance's share of the deployment's quota (0–1], from <see cref="QuotaShares"/>.</summary>
    public void SetShare(double share)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            var (requests, tokens) = (RequestsPerSecond, TokensPerSecond);
            _share = Math.Clamp(share, 0.01, 1);
            _limit.Capped(_quota.MaxInFlight * _share);
            // The next slot was spaced at the old pace: respace it at the new one, or a share raised from 1% would
            // still hold the next call for the old spacing (seconds).
            if (_nextRequestAt > now)
            {
                _nextRequestAt = now + (long)((_nextRequestAt - now) * requests / RequestsPerSecond);
            }

            if (_nextTokensAt > now)
            {
                _nextTokensAt = now + ((_nextTokensAt - now) * tokens / TokensPerSecond);
            }

            Dispatch(now);
        }
    }

    public QuotaSnapshot Snapshot()
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            var paced = _pacedTicks + (_pacedSince == 0 ? 0 : now - _pacedSince);
            return new QuotaSnapshot(
                Deployment, _lanes.Sum(l => l.Count), _inFlight, InFlightLimit, RequestsPerSecond * 60, _share,
                _granted, _rateLimited, _saturated, Seconds(_waitedTicks) * 1_000, Seconds(paced) * 1_000);
        }
    }

    public void Dispose() => _timer.Dispose();

    private int InFlightLimit => (int)_limit.InFlight;

    /// <summary>Batch accounts let in at once: the calls the pace keeps in flight (rate × latency, under the limit) and a queue of <c>BatchQueueSeconds</c>.</summary>
    private int AdmitLimit =>
        Math.Max(1, Math.Min(InFlightLimit, (int)Math.Ceiling(RequestsPerSecond * _latencyMs / 1_000) + 1) + (int)(RequestsPerSecond * _options.BatchQueueSeconds));

    private double FullRequestsPerSecond => _quota.RequestsPerMinute * _share * Headroom / 60;

    private double RequestsPerSecond => FullRequestsPerSecond * _limit.Factor;

    private double TokensPerSecond => _quota.TokensPerMinute * _share * _limit.Factor * Headroom / 60;

    private double Seconds(double ticks) => ticks / _ticksPerSecond;

    /// <summary>Calls queued in this lane or one that goes before it.</summary>
    private int Ahead(CallLane lane)
    {
        var ahead = 0;
        for (var i = 0; i <= (int)lane; i++)
        {
            ahead += _lanes[i].Count;
        }

        return ahead;
    }

    /// <summary>When a call of this lane and size may go, by the pace alone. Realtime may borrow one call's spacing from the future.</summary>
    private long DueAt(CallLane lane, int tokens)
    {
        var interval = _ticksPerSecond / RequestsPerSecond;
        var tokenTicks = tokens * _ticksPerSecond / TokensPerSecond;
        var borrow = lane == CallLane.Realtime ? 1 : 0;
        return Math.Max(_pausedUntil, (long)Math.Max(_nextRequestAt - (borrow * interval), _nextTokensAt - (borrow * tokenTicks)));
    }

    private double PredictedWait(long now, CallLane lane, int tokens)
    {
        var perCall = Math.Max(_ticksPerSecond / RequestsPerSecond, tokens * _ticksPerSecond / TokensPerSecond);
        var ahead = Ahead(lane);
        var byPace = Math.Max(0, DueAt(lane, tokens) - now) + (ahead * perCall);
        var bySlots = _inFlight + ahead >= InFlightLimit ? (ahead + 1.0) / InFlightLimit * _latencyMs / 1_000 * _ticksPerSecond : 0;
        return Math.Max(byPace, bySlots);
    }

    private QuotaSlot Grant(long now, long queuedAt, int tokens, int promptTokens, int maxOutputTokens)
    {
        // The schedule, not the moment the timer happened to fire, sets the next slot: a grant a little late (a
        // timer fires a millisecond or two after its due time) does not push every later one back — at 40 calls a
        // second that drift alone paced 7% under the quota. Idle for longer than one spacing, the schedule restarts
        // from now (never a catch-up burst).
        var interval = _ticksPerSecond / RequestsPerSecond;
        var tokenTicks = tokens * _ticksPerSecond / TokensPerSecond;
        _nextRequestAt = (long)((_nextRequestAt >= now - interval ? _nextRequestAt : now) + interval);
        _nextTokensAt = (_nextTokensAt >= now - tokenTicks ? _nextTokensAt : now) + tokenTicks;
        _inFlight++;
        _granted++;
        _waitedTicks += now - queuedAt;
        return new QuotaSlot(this, now, tokens, promptTokens, maxOutputTokens, TimeSpan.FromSeconds(Seconds(now - queuedAt)));
    }

    /// <summary>Grants what may go now, in lane order; arms the timer for the first that must wait for the pace.</summary>
    private void Dispatch(long now)
    {
        while (true)
        {
            var waiter = _lanes.FirstOrDefault(l => l.Count > 0)?.First?.Value;
            if (waiter is null)
            {
                if (_pacedSince != 0)
                {
                    _pacedTicks += now - _pacedSince;
                    _pacedSince = 0;
                }

                break;
            }

            if (_inFlight >= InFlightLimit)
            {
                break; // a slot coming back dispatches again
            }

            var due = DueAt(waiter.Lane, waiter.Tokens);
            if (due > now)
            {
                Arm(now, due);
                break;
            }

            Remove(waiter);
            waiter.Done.TrySetResult(Grant(now, waiter.QueuedAt, waiter.Tokens, waiter.PromptTokens, waiter.MaxOutputTokens));
        }

        while (_admissions.First?.Value is { } admission && _admitted < AdmitLimit)
        {
            Remove(admission);
            _admitted++;
            admission.Done.TrySetResult(new Admitted(this));
        }
    }

    private void Arm(long now, long due)
    {
        if (due >= _armedFor && _armedFor > now)
        {
            return;
        }

        _armedFor = due;
        // Whole milliseconds, at least one: a timer asked for less fires at once and would spin.
        _timer.Change(TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling(Seconds(due - now) * 1_000))), Timeout.InfiniteTimeSpan);
    }

    private void Wake()
    {
        lock (_lock)
        {
            _armedFor = long.MaxValue;
            Dispatch(_time.GetTimestamp());
        }
    }

    /// <summary>A call's slot came back: what its answer says about the deployment adapts the pace and the limit.</summary>
    internal void Return(QuotaSlot slot, ModelAttempt? attempt, TimeSpan? retryAfter)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            _inFlight--;
            if (attempt is not null)
            {
                Learn(slot, attempt, retryAfter, now);
            }

            Dispatch(now);
        }
    }

    private void Learn(QuotaSlot slot, ModelAttempt attempt, TimeSpan? retryAfter, long now)
    {
        if (attempt.Outcome == AttemptOutcomes.RateLimited)
        {
            _rateLimited++;
            _limit.RateLimited(slot.GrantedAt, now);
            var pause = (long)((retryAfter ?? TimeSpan.FromSeconds(1)).TotalSeconds * _ticksPerSecond);
            _pausedUntil = Math.Max(_pausedUntil, now + pause);
            return;
        }

        if (attempt.StatusCode is >= 200 and < 300)
        {
            _limit.Answered(FullRequestsPerSecond);
            _limit.Latency(attempt.LatencyMs);
            _latencyMs = _latencyMs == 0 ? attempt.LatencyMs : (0.9 * _latencyMs) + (0.1 * attempt.LatencyMs);
            if (attempt.Usage.PromptTokens > 0 && slot.PromptTokens > 0)
            {
                // The server charged its own prompt count: pace by it, and estimate the next prompts as it counts.
                var charged = attempt.Usage.PromptTokens + slot.MaxOutputTokens;
                _nextTokensAt += (charged - slot.Tokens) * _ticksPerSecond / TokensPerSecond;
                _promptScale = Math.Clamp((0.9 * _promptScale) + (0.1 * attempt.Usage.PromptTokens / slot.PromptTokens), 0.5, 4);
            }
        }
        else if (attempt.Outcome == AttemptOutcomes.Timeout)
        {
            _limit.Latency(attempt.LatencyMs);
        }
    }

    private void Released()
    {
        lock (_lock)
        {
            _admitted--;
            Dispatch(_time.GetTimestamp());
        }
    }

    private void GiveUp(Waiter waiter, bool saturated)
    {
        lock (_lock)
        {
            if (waiter.Node?.List is null)
            {
                return;
            }

            Remove(waiter);
            if (saturated)
            {
                _saturated++;
                waiter.Done.TrySetResult(null);
            }
            else
            {
                waiter.Done.TrySetCanceled();
            }

            Dispatch(_time.GetTimestamp());
        }
    }

    private void GiveUp(Admission admission, CancellationToken? cancelled = null)
    {
        lock (_lock)
        {
            if (admission.Node?.List is null)
            {
                return;
            }

            Remove(admission);
            if (cancelled is { } token)
            {
                admission.Done.TrySetCanceled(token);
            }
            else
            {
                admission.Done.TrySetResult(null);
            }
        }
    }

    private void Remove(Waiter waiter)
    {
        _lanes[(int)waiter.Lane].Remove(waiter.Node!);
        waiter.Expiry?.Dispose();
        waiter.Cancellation.Unregister();
    }

    private void Remove(Admission admission)
    {
        _admissions.Remove(admission.Node!);
        admission.Expiry?.Dispose();
        admission.Cancellation.Unregister();
    }

    private sealed class Waiter(CallLane lane, int tokens, int promptTokens, int maxOutputTokens, long queuedAt)
    {
        public CallLane Lane => lane;

        public int Tokens => tokens;

        public int PromptTokens => promptTokens;

        public int MaxOutputTokens => maxOutputTokens;

        public long QueuedAt => queuedAt;

        public TaskCompletionSource<QuotaSlot?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }

        public ITimer? Expiry { get; set; }

        public CancellationTokenRegistration Cancellation { get; set; }
    }

    private sealed class Admission
    {
        public TaskCompletionSource<IDisposable?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Admission>? Node { get; set; }

        public ITimer? Expiry { get; set; }

        public CancellationTokenRegistration Cancellation { get; set; }
    }

    private sealed class Admitted(QuotaGate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Released();
            }
        }
    }
}
