using Extraction.Core.Contracts;
using Extraction.Core.Extraction;

namespace Extraction.Core.Checks;

/// <summary>
/// What the checks read in one document, read once however many answers of it are checked (the student's, the
/// teacher's, the rules' own): the values the normaliser states, the rules' reading, and — only when a value is
/// not among those facts — the search for a value's own renderings.
/// </summary>
public sealed class DocumentEvidence
{
    private readonly string _text;
    private ValueSearch? _search;

    private DocumentEvidence(BatchItem item)
    {
        _text = item.Source.Text;
        Facts = DocumentFacts.Of(item.Source.Text, item.AsOf);
        Rules = RulesExtractor.Read(item.LiabilityType, item.Source.Text, item.AsOf);
    }

    public static DocumentEvidence Of(BatchItem item) => new(item ?? throw new ArgumentNullException(nameof(item)));

    public DocumentFacts Facts { get; }

    public RulesReading Rules { get; }

    public ValueSearch Search => _search ??= ValueSearch.Of(_text);
}
