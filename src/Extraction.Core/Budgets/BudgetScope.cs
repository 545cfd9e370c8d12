using System.Globalization;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;

namespace Extraction.Core.Budgets;

/// <summary>One ceiling: a batch's, a partner's for a UTC day, or the system's for a UTC day.</summary>
/// <param name="Key">Its ledger partition (no <c>/ \ # ?</c>).</param>
/// <param name="Name">How a reason names it: "the partner acme daily budget for 2026-11-29".</param>
/// <param name="LimitNano">The ceiling, in nano-dollars.</param>
public sealed record BudgetScope(string Key, string Name, long LimitNano)
{
    /// <summary>The scopes a batch's accounts spend from, on the UTC day <paramref name="now"/> falls on.</summary>
    public static IReadOnlyList<BudgetScope> For(BatchRef batch, decimal? batchMaxCostUsd, BudgetOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(options);
        var day = now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var scopes = new List<BudgetScope>(3);
        if (batchMaxCostUsd is { } batchLimit)
        {
            scopes.Add(new($"batch|{batch.Partner}|{batch.BatchId}", $"the batch {batch.BatchId} budget", Nano.FromUsd(batchLimit)));
        }

        if (options.PartnerDaily(batch.Partner) is { } partnerLimit)
        {
            scopes.Add(new($"partner|{batch.Partner}|{day}", $"the partner {batch.Partner} daily budget for {day}", Nano.FromUsd(partnerLimit)));
        }

        if (options.GlobalDailyUsd is { } globalLimit)
        {
            scopes.Add(new($"global|{day}", $"the global daily budget for {day}", Nano.FromUsd(globalLimit)));
        }

        return scopes;
    }
}
