using Extraction.Core.Contracts;

namespace Extraction.Core.Storage;

/// <summary>A result.v1 record with the input line it answers.</summary>
public sealed record StoredResult(int Line, ExtractionResult Result);
