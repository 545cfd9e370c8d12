namespace Extraction.Core.Contracts;

/// <summary>One valid batch.v1 line: an account and the document that describes it.</summary>
public sealed record BatchItem(
    string AccountId,
    LiabilityType LiabilityType,
    string? Lender,
    DateOnly? AsOf,
    SourceDocument Source);
