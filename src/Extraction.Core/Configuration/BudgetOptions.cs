using System.ComponentModel.DataAnnotations;

namespace Extraction.Core.Configuration;

/// <summary>Cost ceilings and deadlines. Section <c>Budget</c>. A ceiling left unset is no ceiling.</summary>
public sealed class BudgetOptions
{
    public const string Section = "Budget";

    /// <summary>USD a partner may spend per UTC day, unless <see cref="Partners"/> says otherwise.</summary>
    [Range(0, 10_000_000)]
    public decimal? PartnerDailyUsd { get; set; }

    /// <summary>USD the whole system may spend per UTC day.</summary>
    [Range(0, 100_000_000)]
    public decimal? GlobalDailyUsd { get; set; }

    /// <summary>Per-partner overrides: <c>Budget:Partners:acme:DailyUsd</c>.</summary>
    public Dictionary<string, PartnerBudget> Partners { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Budget a worker leases from a scope at a time and then spends locally, so the scope's table row
    /// is written once per block instead of once per call.
    /// </summary>
    [Range(0.0001, 1_000)]
    public decimal BlockUsd { get; set; } = 0.25m;

    /// <summary>A lease not renewed for this long is taken back (its holder is presumed dead).</summary>
    [Range(5, 3_600)]
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>A worker writes what it spent to its lease row every this many settlements (bounds what a crash forgets).</summary>
    [Range(1, 1_000)]
    public int FlushEvery { get; set; } = 10;

    /// <summary>Reserve the counted prompt tokens times this, for the server's own count.</summary>
    [Range(1.0, 2.0)]
    public double PromptMargin { get; set; } = 1.05;

    /// <summary>All attempts for one account, fallback included, end by this deadline.</summary>
    [Range(100, 600_000)]
    public int AccountDeadlineMs { get; set; } = 30_000;

    /// <summary>A batch without its own deadline gets this many minutes.</summary>
    [Range(1, 7 * 24 * 60)]
    public int BatchDeadlineMinutes { get; set; } = 24 * 60;

    public decimal? PartnerDaily(string partner) =>
        Partners.TryGetValue(partner, out var own) && own.DailyUsd is { } daily ? daily : PartnerDailyUsd;
}

public sealed class PartnerBudget
{
    [Range(0, 10_000_000)]
    public decimal? DailyUsd { get; set; }
}
