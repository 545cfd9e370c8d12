using Azure;

namespace Extraction.Core.Flywheel;

/// <summary>The pointer row: the student, the shadowing candidate, and the students before (newest last) that a rollback returns to.</summary>
public sealed record ActiveStudentRow(string? ModelId, string Deployment, string? Shadow, IReadOnlyList<PreviousStudent> History, DateTimeOffset? ChangedAt, ETag ETag);
