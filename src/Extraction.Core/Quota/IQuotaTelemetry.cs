namespace Extraction.Core.Quota;

/// <summary>What operators watch of each deployment's limiter: calls waiting, in flight, the pace now, the 429s. Numbers and names only.</summary>
public interface IQuotaTelemetry
{
    /// <summary>A deployment's limiter at a quota heartbeat, with the 429s since the last one.</summary>
    void Sample(QuotaSnapshot snapshot, long rateLimitedSinceLast);
}

/// <summary>Where no telemetry backend is configured.</summary>
public sealed class NoQuotaTelemetry : IQuotaTelemetry
{
    public void Sample(QuotaSnapshot snapshot, long rateLimitedSinceLast)
    {
    }
}
