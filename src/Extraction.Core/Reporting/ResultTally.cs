using Extraction.Core.Contracts;
using Extraction.Core.Orchestration;

namespace Extraction.Core.Reporting;

/// <summary>Counts, cost and model latency over a batch's stored results.</summary>
public sealed class ResultTally
{
    private readonly List<long> _latencies = [];

    public StatusCounts Counts { get; private set; } = StatusCounts.Zero;

    public decimal CostUsd { get; private set; }

    public void Add(ExtractionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Counts = Counts.Add(result.Status);
        CostUsd += result.CostUsd;
        if (result.Attempts > 0)
        {
            _latencies.Add(result.LatencyMs);
        }
    }

    /// <summary>Model-call latency percentile over the accounts that called a model.</summary>
    public long LatencyPercentile(double p)
    {
        _latencies.Sort();
        return Percentile.Of(_latencies, p);
    }
}
