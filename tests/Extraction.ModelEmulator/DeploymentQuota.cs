using System.Diagnostics;

namespace Extraction.ModelEmulator;

/// <summary>
/// A deployment's quota as Azure OpenAI enforces it: requests and tokens per minute, each evaluated over short
/// slices (a minute's allowance spread evenly, so a burst inside one slice is refused though the minute has room);
/// tokens are charged when the request arrives, from the prompt's estimate plus its <c>max_tokens</c>. Past either,
/// the call is refused with a 429 whose <c>retry-after-ms</c> is the time to the next slice. Latency grows with the
/// calls the deployment holds at once, as a loaded deployment's does.
/// </summary>
/// <param name="RequestsPerMinute">Requests a minute; each slice admits its share.</param>
/// <param name="TokensPerMinute">Tokens a minute (prompt estimate + <c>max_tokens</c>, charged on arrival); 0 for no token limit.</param>
/// <param name="SliceSeconds">The slice the allowances are counted over (Azure evaluates over 1 or 10 s).</param>
/// <param name="LatencyPerCallInFlight">Added to each answer's latency for every call the deployment holds at the time.</param>
public sealed record QuotaSettings(int RequestsPerMinute, int TokensPerMinute = 0, int SliceSeconds = 1, TimeSpan LatencyPerCallInFlight = default)
{
    public double RequestsPerSlice => RequestsPerMinute * SliceSeconds / 60.0;

    public double TokensPerSlice => TokensPerMinute * SliceSeconds / 60.0;
}

/// <summary>What a deployment under quota admitted and refused, from the emulator's own counters.</summary>
/// <param name="Admitted">Calls answered (not 429).</param>
/// <param name="Refused">Calls answered 429 for the quota.</param>
/// <param name="TokensCharged">Tokens charged for the admitted calls, as counted on arrival.</param>
/// <param name="FirstAdmitted">When the first call was admitted (null before any).</param>
/// <param name="LastAdmitted">When the last call was admitted.</param>
/// <param name="PeakInFlight">The most calls the deployment held at once.</param>
public sealed record QuotaCounters(long Admitted, long Refused, long TokensCharged, DateTimeOffset? FirstAdmitted, DateTimeOffset? LastAdmitted, int PeakInFlight)
{
    /// <summary>Share of calls answered 429.</summary>
    public double RefusedShare => Admitted + Refused == 0 ? 0 : (double)Refused / (Admitted + Refused);

    /// <summary>
    /// Admitted requests as a share of what the quota allowed between the first and the last admission (a slice's
    /// allowance added for the slice the last one fell in): 1.0 is every request the deployment would take.
    /// </summary>
    public double GoodputShare(QuotaSettings quota)
    {
        ArgumentNullException.ThrowIfNull(quota);
        if (FirstAdmitted is not { } first || LastAdmitted is not { } last)
        {
            return 0;
        }

        var allowed = quota.RequestsPerMinute * ((last - first).TotalSeconds + quota.SliceSeconds) / 60.0;
        return Admitted / allowed;
    }
}

/// <summary>One deployment's quota state: the current slice's counts, the totals, the calls it holds.</summary>
internal sealed class QuotaLedger(QuotaSettings settings)
{
    private readonly Lock _lock = new();
    private readonly long _slice = Stopwatch.Frequency * settings.SliceSeconds;
    private long _sliceIndex = -1;
    private double _requestsInSlice;
    private double _tokensInSlice;
    private long _admitted;
    private long _refused;
    private long _tokens;
    private DateTimeOffset? _first;
    private DateTimeOffset? _last;
    private int _inFlight;
    private int _peak;

    public QuotaSettings Settings => settings;

    /// <summary>Admits the call (it then holds a place until <see cref="Release"/>) or answers how long to wait.</summary>
    public bool TryAdmit(int tokens, out TimeSpan retryAfter, out int inFlight)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            var index = now / _slice;
            if (index != _sliceIndex)
            {
                (_sliceIndex, _requestsInSlice, _tokensInSlice) = (index, 0, 0);
            }

            if (_requestsInSlice + 1 > settings.RequestsPerSlice
                || (settings.TokensPerMinute > 0 && _tokensInSlice + tokens > settings.TokensPerSlice && _tokensInSlice > 0))
            {
                _refused++;
                retryAfter = Stopwatch.GetElapsedTime(now, (index + 1) * _slice);
                inFlight = _inFlight;
                return false;
            }

            _requestsInSlice++;
            _tokensInSlice += tokens;
            _admitted++;
            _tokens += tokens;
            _first ??= DateTimeOffset.UtcNow;
            _last = DateTimeOffset.UtcNow;
            inFlight = ++_inFlight;
            _peak = Math.Max(_peak, _inFlight);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }

    public void Release()
    {
        lock (_lock)
        {
            _inFlight--;
        }
    }

    public QuotaCounters Counters()
    {
        lock (_lock)
        {
            return new QuotaCounters(_admitted, _refused, _tokens, _first, _last, _peak);
        }
    }
}
