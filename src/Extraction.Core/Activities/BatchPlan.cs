namespace Extraction.Core.Activities;

/// <summary>What planning found: counts, the chunk manifests written, and the batch blob's version.</summary>
/// <param name="Rejection">Why the whole file is unreadable (not UTF-8 JSON Lines); null for a readable batch.</param>
public sealed record BatchPlan(int Lines, int Invalid, int Chunks, string SourceETag, string? Rejection = null)
{
    public int Valid => Lines - Invalid;
}
