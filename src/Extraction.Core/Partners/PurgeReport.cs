namespace Extraction.Core.Partners;

/// <summary>What a partner's purge removed, by place (counts only: a purge record holds no content).</summary>
public sealed record PurgeReport(string Partner, string By, DateTimeOffset At, IReadOnlyDictionary<string, int> Removed)
{
    public int Total => Removed.Values.Sum();
}
