namespace Extraction.Core.Quota;

/// <summary>
/// What one instance told the others about one deployment at its last heartbeat: the share of the quota it used,
/// whether calls were waiting (it would use more), and whether it has called the deployment at all.
/// </summary>
public sealed record ShareClaim(string Instance, double Used, bool Wanting, bool Called = true)
{
    /// <summary>
    /// Max-min fair shares: an instance that is not waiting keeps what it used plus a quarter and 2% of the quota (room
    /// to grow until its next heartbeat says it wants more; nothing, if it never called: a submitting CLI, an idle
    /// worker); the rest is split evenly among those that are waiting (among all, when none is).
    /// The shares add up to 1 whatever the order the instances read them in, so every instance computes the same split.
    /// </summary>
    public static IReadOnlyDictionary<string, double> Split(IReadOnlyCollection<ShareClaim> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        var left = 1.0;
        var waiting = claims.Count;
        foreach (var claim in claims.OrderBy(Demand).ThenBy(c => c.Instance, StringComparer.Ordinal))
        {
            var share = Math.Min(Demand(claim), left / waiting);
            shares[claim.Instance] = share;
            left -= share;
            waiting--;
        }

        // Nobody wanting: what no one claimed is split evenly, so a quiet instance alone still has the whole quota.
        return left <= 0 || claims.Count == 0 ? shares : shares.ToDictionary(s => s.Key, s => s.Value + (left / claims.Count), StringComparer.Ordinal);
    }

    private static double Demand(ShareClaim claim) =>
        claim.Wanting ? double.PositiveInfinity : claim.Called ? Math.Min(1, (claim.Used * 1.25) + 0.02) : 0;
}
