using Extraction.Core.Access;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Tests;

public sealed class PartnerRateLimiterTests
{
    [Fact]
    public void A_limit_under_sixty_a_minute_holds_one_request_per_its_share_of_the_minute_and_other_partners_are_apart()
    {
        var options = new PartnerLimitsOptions { Partners = { ["slow"] = new PartnerLimit { RequestsPerMinute = 6 } } };
        using var limiter = new PartnerRateLimiter(Options.Create(options));

        var first = limiter.TryAcquire("slow");
        var second = limiter.TryAcquire("slow");
        var other = limiter.TryAcquire("acme");

        Assert.Null(first);
        // Six a minute is one per ten seconds, not one per second (a whole token a second would let sixty through).
        Assert.NotNull(second);
        Assert.InRange(second.Value, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
        Assert.Null(other);
    }
}
