using Extraction.Core.Storage;

namespace Extraction.Core.Activities;

/// <summary>Which of a chunk's pending accounts may be extracted; the others already have their result (over budget, past the deadline).</summary>
public sealed record ChunkAdmission(IReadOnlyList<WorkItem> Admitted, StatusCounts Closed);

