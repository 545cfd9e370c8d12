using Extraction.Core.Contracts;

namespace Extraction.Core.Review;

/// <summary>An account as a reviewer sees it: the result, the fields in doubt, and the document's words for each.</summary>
public sealed record AccountReview(ExtractionResult Result, IReadOnlyList<FieldEvidence> Evidence);
