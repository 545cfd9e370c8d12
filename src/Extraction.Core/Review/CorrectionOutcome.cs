using Extraction.Core.Contracts;

namespace Extraction.Core.Review;

public enum CorrectionStatus
{
    Corrected,
    NotFound,
    NotCorrectable,
    InvalidFields,
    Conflict,

    /// <summary>The account is not waiting for review; a reviewer may reopen it explicitly.</summary>
    NotQueued,
}

/// <summary>What became of a correction: the updated result, or why there is none.</summary>
public sealed record CorrectionOutcome(CorrectionStatus Status, ExtractionResult? Result, string? Problem)
{
    public static CorrectionOutcome Refused(CorrectionStatus status, string problem) => new(status, null, problem);
}
