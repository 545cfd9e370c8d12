using Extraction.Core.Contracts;
using Extraction.Core.Extraction;

namespace Extraction.Core.Checks;

/// <summary>An answer to check, with its document, what the document states, and the rules' second opinion.</summary>
public sealed record CheckContext(BatchItem Item, ExtractedFields Fields, DocumentFacts Facts, RulesReading SecondOpinion)
{
    private ValueSearch? _search;

    public DateOnly? AsOf => Item.AsOf;

    public LiabilityType LiabilityType => Item.LiabilityType;

    /// <summary>The document searched for a value's own renderings: made only when a value is not among <see cref="Facts"/>.</summary>
    public ValueSearch Search => _search ??= ValueSearch.Of(Item.Source.Text);
}
