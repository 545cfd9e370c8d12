namespace Extraction.Core.Contracts;

/// <summary>result.v1 <c>status</c>; serialized in snake_case (<c>needs_review</c>).</summary>
public enum ResultStatus
{
    /// <summary>Answer parsed and every check passed.</summary>
    Extracted,

    /// <summary>Answer parsed, a check failed.</summary>
    NeedsReview,

    /// <summary>The line broke batch.v1; no model call was made.</summary>
    InvalidInput,

    /// <summary>Not attempted: the budget was spent.</summary>
    OverBudget,

    /// <summary>No usable answer after retries and any fallback.</summary>
    Failed,
}

public static class ResultStatusExtensions
{
    /// <summary>
    /// A final result stands on a re-run. <c>failed</c> and <c>over_budget</c> are not final: the
    /// cause (a timeout, a spent budget) may be gone, so a re-run tries those accounts again.
    /// </summary>
    public static bool IsFinal(this ResultStatus status) =>
        status is ResultStatus.Extracted or ResultStatus.NeedsReview or ResultStatus.InvalidInput;
}
