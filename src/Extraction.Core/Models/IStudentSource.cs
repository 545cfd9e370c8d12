namespace Extraction.Core.Models;

/// <summary>
/// Which deployment is the student now, and which candidate (if any) answers in its shadow. Read on every
/// account, so an implementation answers from a short cache and never throws.
/// </summary>
public interface IStudentSource
{
    ValueTask<StudentRoute> CurrentAsync(CancellationToken cancellationToken = default);
}

/// <param name="Student">The deployment that answers first.</param>
/// <param name="Shadow">A candidate that also answers a sample of accounts off the critical path; null for none.</param>
public sealed record StudentRoute(string Student, string? Shadow);
