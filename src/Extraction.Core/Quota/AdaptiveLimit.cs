namespace Extraction.Core.Quota;

/// <summary>
/// The two numbers a deployment's limiter adapts, under its gate's lock. The pace: a factor of the quota cut by
/// 15% on a 429 (once per burst: 429s to calls granted before the last cut are the same congestion) and grown back
/// additively, 10% of the quota per second of successful calls (AIMD, as TCP). Gentle both ways because the pace is
/// already the quota's: a lone 429 is arrival jitter across the server's slice and costs a tenth of a second of quota;
/// an instance that really sends too much (one not sharing) is cut again at each burst until it fits. The in-flight limit: cut by 20% when
/// the median latency of the last 20 answers rises past twice the best median seen (calls queued at the server,
/// not thinking), else grown by one, up to its cap.
/// </summary>
internal sealed class AdaptiveLimit(double inFlightCap)
{
    public const double MinFactor = 0.1;
    private const double Cut = 0.85;
    private const double GrowthPerSecond = 0.1;
    private const int Window = 20;
    private const double LatencyCut = 0.8;

    private readonly double[] _latencies = new double[Window];
    private int _seen;
    private double _baselineMs = double.MaxValue;
    private long _lastCutAt = long.MinValue;

    /// <summary>The share of the quota paced to now, from <see cref="MinFactor"/> to 1.</summary>
    public double Factor { get; private set; } = 1;

    public double InFlightCap { get; private set; } = Math.Max(1, inFlightCap);

    public double InFlight { get; private set; } = Math.Max(1, inFlightCap);

    /// <summary>A call granted at <paramref name="grantedAt"/> was answered 429 at <paramref name="now"/>.</summary>
    public void RateLimited(long grantedAt, long now)
    {
        if (grantedAt >= _lastCutAt)
        {
            Factor = Math.Max(MinFactor, Factor * Cut);
            _lastCutAt = now;
        }
    }

    /// <summary>A call was answered; <paramref name="callsPerSecondAtFull"/> makes the growth per second, whatever the rate.</summary>
    public void Answered(double callsPerSecondAtFull) =>
        Factor = Math.Min(1, Factor + (GrowthPerSecond / Math.Max(callsPerSecondAtFull, 0.01)));

    public void Latency(double milliseconds)
    {
        _latencies[_seen++ % Window] = milliseconds;
        if (_seen % Window != 0)
        {
            return;
        }

        var sorted = (double[])_latencies.Clone();
        Array.Sort(sorted);
        var median = sorted[Window / 2];
        // The best median seen, let go of slowly, so a deployment that got slower for good resets its baseline.
        _baselineMs = Math.Min(_baselineMs == double.MaxValue ? median : _baselineMs * 1.02, median);
        InFlight = median > (2 * _baselineMs) + 10
            ? Math.Max(1, Math.Floor(InFlight * LatencyCut))
            : Math.Min(InFlightCap, InFlight + 1);
    }

    /// <summary>This instance's share of the deployment's in-flight cap changed.</summary>
    public void Capped(double inFlightCap)
    {
        InFlightCap = Math.Max(1, inFlightCap);
        InFlight = Math.Min(InFlight, InFlightCap);
    }
}
