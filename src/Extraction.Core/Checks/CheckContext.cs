using Extraction.Core.Contracts;

namespace Extraction.Core.Checks;

/// <summary>An answer to check, with its document, what the document states, and the rules' second opinion.</summary>
public sealed record CheckContext(BatchItem Item, ExtractedFields Fields, DocumentFacts Facts, ExtractedFields SecondOpinion)
{
    public DateOnly? AsOf => Item.AsOf;

    public LiabilityType LiabilityType => Item.LiabilityType;
}
