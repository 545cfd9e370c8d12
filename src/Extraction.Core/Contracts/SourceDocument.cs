namespace Extraction.Core.Contracts;

public sealed record SourceDocument(SourceKind Kind, string Text);
