using Extraction.Core.Contracts;
using Extraction.Core.Extraction;

namespace Extraction.Core.Checks;

/// <summary>An answer to check, with its document and what the checks read in it.</summary>
public sealed record CheckContext(BatchItem Item, ExtractedFields Fields, DocumentEvidence Evidence)
{
    public DateOnly? AsOf => Item.AsOf;

    public LiabilityType LiabilityType => Item.LiabilityType;

    /// <summary>What the document states, in normal form.</summary>
    public DocumentFacts Facts => Evidence.Facts;

    /// <summary>The rules' reading of the document: their second opinion on the answer.</summary>
    public RulesReading SecondOpinion => Evidence.Rules;

    /// <summary>The document searched for a value's own renderings.</summary>
    public ValueSearch Search => Evidence.Search;
}
