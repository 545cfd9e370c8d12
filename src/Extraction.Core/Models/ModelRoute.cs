namespace Extraction.Core.Models;

/// <summary>Which deployments answer one account: the student first, the teacher (if any) when it cannot.</summary>
public sealed record ModelRoute(string Student, string? Teacher);
