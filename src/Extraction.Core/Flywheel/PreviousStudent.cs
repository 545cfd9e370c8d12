namespace Extraction.Core.Flywheel;

public sealed record PreviousStudent(string? ModelId, string Deployment);
