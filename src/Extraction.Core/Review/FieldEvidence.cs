namespace Extraction.Core.Review;

/// <summary>
/// One field a person should look at: the answer's value, and the document's lines around each place it is written
/// (or, where the answer left it out, the lines that call something by the field's name).
/// </summary>
public sealed record FieldEvidence(string Field, object? Value, IReadOnlyList<string> Lines);
