using Extraction.Core.Budgets;
using Extraction.Core.Pricing;

namespace Extraction.Core.Models;

/// <summary>
/// One account's budget for its model calls: each attempt reserves its worst case — the counted prompt
/// tokens (with a margin for the server's own count) plus the completion cap, at the deployment's price —
/// and settles what the response says it cost.
/// </summary>
public sealed class AttemptBudget(BudgetGuard guard, PriceTable prices, IReadOnlyList<BudgetScope> scopes, int promptTokens, int maxOutputTokens)
{
    public async Task<BudgetReservation> ReserveAsync(string deployment, CancellationToken cancellationToken)
    {
        var worstCase = prices.Cost(deployment, promptTokens, 0, maxOutputTokens);
        return await guard.ReserveAsync(scopes, Nano.FromUsdCeiling(worstCase), cancellationToken).ConfigureAwait(false);
    }

    public void Settle(BudgetReservation reservation, decimal actualUsd) => guard.Settle(reservation, Nano.FromUsd(actualUsd));
}
