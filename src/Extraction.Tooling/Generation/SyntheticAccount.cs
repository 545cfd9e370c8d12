using Extraction.Core.Contracts;

namespace Extraction.Tooling.Generation;

/// <summary>One generated batch.v1 line, the family it was written from, and the fields a careful person would extract from it (null for a broken line).</summary>
public sealed record SyntheticAccount(string AccountId, LiabilityType LiabilityType, string Line, ExtractedFields? Gold, string Family = "broken");
