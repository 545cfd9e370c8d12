using Extraction.Core.Contracts;

namespace Extraction.Core.Batches;

/// <summary>A batch.v1 line after validation: an item, or the problems that name what is wrong.</summary>
public sealed record ParsedLine(BatchItem? Item, string? AccountId, string? Problems)
{
    public static ParsedLine Invalid(string? accountId, string problems) => new(null, accountId, problems);
}
