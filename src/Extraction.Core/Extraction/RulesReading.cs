using Extraction.Core.Contracts;

namespace Extraction.Core.Extraction;

/// <summary>
/// What the rules read in a document: the fields (each the first value its label names), the other values the
/// same labels name, and the fields the rules are sure of (a trusted label that names one value only).
/// </summary>
public sealed record RulesReading(ExtractedFields Fields, IReadOnlySet<string> Sure, IReadOnlyDictionary<string, IReadOnlyList<object>> Candidates)
{
    public static RulesReading None { get; } = new(ExtractedFields.Empty, new HashSet<string>(), new Dictionary<string, IReadOnlyList<object>>());

    /// <summary>The line of the document each field's value was read on (the account's section, as the rules read it).</summary>
    public IReadOnlyDictionary<string, int> Lines { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// Whether the rules read <paramref name="field"/> within a few lines of a value the answer shares with them: the part
    /// of the document the answer was read from, where a labelled value it left out was dropped, not missed elsewhere.
    /// </summary>
    public bool NearAgreedValue(FieldInfo field, ExtractedFields answer)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(answer);
        return Lines.TryGetValue(field.Name, out var line) && FieldCatalog.Stated(Fields)
            .Any(s => s.Field != field && Equals(s.Field.Get(answer), s.Value) && Lines.TryGetValue(s.Field.Name, out var other) && Math.Abs(other - line) <= NearLines);
    }

    private const int NearLines = 3;

    public bool IsSure(FieldInfo field) => Sure.Contains(field?.Name ?? throw new ArgumentNullException(nameof(field)));

    /// <summary>Whether <paramref name="value"/> is one of the values the field's label names in the document.</summary>
    public bool Names(FieldInfo field, object? value) =>
        value is not null && Candidates.TryGetValue(field?.Name ?? throw new ArgumentNullException(nameof(field)), out var values) && values.Contains(value);
}
