namespace Extraction.Core.Reporting;

public static class Percentile
{
    /// <summary>Nearest-rank percentile (p in 0–100) of an ascending list; 0 for an empty one.</summary>
    public static long Of(IReadOnlyList<long> ascending, double p)
    {
        ArgumentNullException.ThrowIfNull(ascending);
        ArgumentOutOfRangeException.ThrowIfNegative(p);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 100);
        if (ascending.Count == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(p / 100 * ascending.Count);
        return ascending[Math.Clamp(rank - 1, 0, ascending.Count - 1)];
    }
}
