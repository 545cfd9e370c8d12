namespace Extraction.Core.Quota;

/// <summary>
/// A deployment's limiter now, and its totals since the process started: what telemetry samples, what the
/// share heartbeat reports, what the run summary reads.
/// </summary>
/// <param name="Deployment">The deployment's name.</param>
/// <param name="Waiting">Calls waiting for a slot now.</param>
/// <param name="InFlight">Calls holding a slot now.</param>
/// <param name="InFlightLimit">The adaptive in-flight limit now.</param>
/// <param name="RequestsPerMinute">The pace now: the quota × this instance's share × the adaptive factor × headroom.</param>
/// <param name="Share">This instance's share of the deployment's quota.</param>
/// <param name="Granted">Slots granted.</param>
/// <param name="RateLimited">Calls the deployment answered 429.</param>
/// <param name="Saturated">Calls refused here because no slot could come before their deadline.</param>
/// <param name="WaitedMs">Time calls spent waiting for slots, summed.</param>
/// <param name="PacedMs">Wall time during which calls were waiting: the quota, not the work, set the pace then.</param>
public sealed record QuotaSnapshot(
    string Deployment,
    int Waiting,
    int InFlight,
    int InFlightLimit,
    double RequestsPerMinute,
    double Share,
    long Granted,
    long RateLimited,
    long Saturated,
    double WaitedMs,
    double PacedMs);
