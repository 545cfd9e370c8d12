using Extraction.Core.Contracts;

namespace Extraction.Core.Training;

/// <summary>A trustworthy answer waiting for the export: where it is, where it came from, and the fields to teach.</summary>
public sealed record TrainingCandidate(
    string Partner, string BatchId, int Line, TrainingSource Source, string? Model, string RawOutput, ExtractedFields Fields, DateTimeOffset RecordedAt);
