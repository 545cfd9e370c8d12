namespace Extraction.ModelEmulator;

/// <summary>Random faults for a share of the calls, reproducible from a seed.</summary>
internal sealed class Faults(double share, int seed, TimeSpan slow)
{
    private readonly Random _random = new(seed);
    private readonly Behaviour[] _kinds =
    [
        Behaviour.RateLimited(100),
        Behaviour.ServerError(500),
        Behaviour.ServerError(503),
        Behaviour.Slow(slow),
        Behaviour.Raw("I could not find the fields {"),
    ];

    /// <summary>A fault for this call, or null for a good answer.</summary>
    public Behaviour? Next()
    {
        lock (_random)
        {
            return _random.NextDouble() < share ? _kinds[_random.Next(_kinds.Length)] : null;
        }
    }
}
