namespace Extraction.Core.Budgets;

/// <summary>
/// Budgets count in nano-dollars (10⁻⁹ USD) as whole numbers: token prices per million with up to three
/// decimals make every call's cost a whole number of them, so ledger sums are exact.
/// </summary>
public static class Nano
{
    private const decimal PerUsd = 1_000_000_000m;

    public static long FromUsd(decimal usd) => (long)Math.Round(usd * PerUsd, MidpointRounding.AwayFromZero);

    /// <summary>For reservations: never less than the amount.</summary>
    public static long FromUsdCeiling(decimal usd) => (long)Math.Ceiling(usd * PerUsd);

    public static decimal ToUsd(long nano) => nano / PerUsd;
}
