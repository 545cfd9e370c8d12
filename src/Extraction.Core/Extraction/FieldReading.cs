namespace Extraction.Core.Extraction;

/// <summary>One field as the rules read it: its values, the one they answer first; the line of that one; whether they are sure.</summary>
public sealed record FieldReading(IReadOnlyList<object> Values, int Line, bool Sure);
