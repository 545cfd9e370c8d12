using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Extraction.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Access;

/// <summary>
/// Requests per minute per partner on this instance: a token bucket per partner that holds ten seconds' worth, so a
/// burst passes and a flood is refused at once with the time until a token comes back (never queued).
/// </summary>
[Singleton]
public sealed class PartnerRateLimiter(IOptions<PartnerLimitsOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> _buckets = new(StringComparer.Ordinal);

    /// <summary>Null where the request may go on; otherwise how long the partner should wait.</summary>
    public TimeSpan? TryAcquire(string partner)
    {
        var bucket = _buckets.GetOrAdd(partner, p =>
        {
            // A sixth of the minute's requests every ten seconds: whole tokens, so a limit under 60 a minute holds too.
            var perTenSeconds = Math.Max(1, options.Value.RequestsPerMinuteOf(p) / 6);
            return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = perTenSeconds,
                TokensPerPeriod = perTenSeconds,
                ReplenishmentPeriod = TimeSpan.FromSeconds(10),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
        using var lease = bucket.AttemptAcquire();
        return lease.IsAcquired ? null
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
    }

    public void Dispose()
    {
        foreach (var bucket in _buckets.Values)
        {
            bucket.Dispose();
        }
    }
}
