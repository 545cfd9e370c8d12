namespace Extraction.Core.Extraction;

/// <summary>How a value was found in a document's text.</summary>
public enum Sighting
{
    /// <summary>None of the value's renderings is written in the text.</summary>
    NotFound,

    /// <summary>Found only once letters a scanner confuses with digits (O, l, I, S, B) are read as digits, or without the sign the value has.</summary>
    Unsure,

    /// <summary>One of the value's renderings is written in the text.</summary>
    Written,
}
