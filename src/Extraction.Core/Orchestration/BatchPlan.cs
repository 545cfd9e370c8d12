namespace Extraction.Core.Orchestration;

/// <summary>What planning found: counts, the chunk manifests written, and the batch blob's version.</summary>
public sealed record BatchPlan(int Lines, int Invalid, int Chunks, string SourceETag)
{
    public int Valid => Lines - Invalid;
}
