using Extraction.Core.Contracts;

namespace Extraction.Core.Extraction;

/// <summary>
/// What the rules read in a document: the fields (each the first value its labels name) and, for each field read,
/// every value its labels name, the line it was read on, and whether the rules are sure of it (a trusted label,
/// in its own sentence, and no other value under any of the field's labels).
/// </summary>
public sealed record RulesReading(ExtractedFields Fields, IReadOnlyDictionary<string, FieldReading> ByField)
{
    private const int NearLines = 3;

    public static RulesReading None { get; } = new(ExtractedFields.Empty, new Dictionary<string, FieldReading>());

    public bool IsSure(FieldInfo field) => Of(field)?.Sure ?? false;

    /// <summary>Whether <paramref name="value"/> is one of the values the field's labels name in the document.</summary>
    public bool Names(FieldInfo field, object? value) => value is not null && Of(field) is { } reading && reading.Values.Contains(value);

    /// <summary>
    /// Whether the rules read <paramref name="field"/> within a few lines of a value the answer shares with them: the part
    /// of the document the answer was read from, where a labelled value it left out was dropped, not missed elsewhere.
    /// </summary>
    public bool NearAgreedValue(FieldInfo field, ExtractedFields answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return Of(field) is { } reading && ByField.Any(other => other.Key != field.Name && FieldCatalog.Named(other.Key) is { } shared
            && Equals(shared.Get(answer), other.Value.Values[0]) && Math.Abs(other.Value.Line - reading.Line) <= NearLines);
    }

    private FieldReading? Of(FieldInfo field) => ByField.GetValueOrDefault(field?.Name ?? throw new ArgumentNullException(nameof(field)));
}
