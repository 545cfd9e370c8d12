using Extraction.Core.Activities;
using Extraction.Core.Contracts;

namespace Extraction.Core.Reporting;

/// <summary>Counts, cost and model latency over a batch's results, overall and by the deployment that answered.</summary>
public sealed class ResultTally
{
    /// <summary>Where results without an answering model (invalid, failed …) are grouped.</summary>
    public const string NoModel = "(no answer)";

    private readonly LatencyTally _all = new();
    private readonly SortedDictionary<string, ModelTally> _byModel = new(StringComparer.Ordinal);

    public StatusCounts Counts { get; private set; } = StatusCounts.Zero;

    public decimal CostUsd { get; private set; }

    public IReadOnlyDictionary<string, ModelTally> ByModel => _byModel;

    public void Add(ExtractionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Counts = Counts.Add(result.Status);
        CostUsd += result.CostUsd;
        var model = result.Model ?? NoModel;
        if (!_byModel.TryGetValue(model, out var tally))
        {
            _byModel[model] = tally = new ModelTally();
        }

        tally.Accounts++;
        tally.CostUsd += result.CostUsd;
        if (result.Attempts > 0)
        {
            _all.Add(result.LatencyMs);
            tally.Latency.Add(result.LatencyMs);
        }
    }

    /// <summary>Model latency percentile over the accounts that called a model.</summary>
    public long LatencyPercentile(double p) => _all.Percentile(p);
}

public sealed class ModelTally
{
    public int Accounts { get; internal set; }

    public decimal CostUsd { get; internal set; }

    public LatencyTally Latency { get; } = new();
}

public sealed class LatencyTally
{
    private readonly List<long> _values = [];
    private bool _sorted = true;

    public int Count => _values.Count;

    public void Add(long milliseconds)
    {
        _values.Add(milliseconds);
        _sorted = false;
    }

    public long Percentile(double p)
    {
        if (!_sorted)
        {
            _values.Sort();
            _sorted = true;
        }

        return Reporting.Percentile.Of(_values, p);
    }
}
