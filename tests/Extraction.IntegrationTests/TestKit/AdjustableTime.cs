namespace Extraction.IntegrationTests.TestKit;

/// <summary>A clock the test moves forward, for lease expiry without waiting.</summary>
public sealed class AdjustableTime : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
