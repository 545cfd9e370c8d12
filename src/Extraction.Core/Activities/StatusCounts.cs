using Extraction.Core.Contracts;

namespace Extraction.Core.Activities;

/// <summary>Accounts by result.v1 status.</summary>
public sealed record StatusCounts(int Extracted, int NeedsReview, int InvalidInput, int OverBudget, int Failed)
{
    public static StatusCounts Zero { get; } = new(0, 0, 0, 0, 0);

    public int Total => Extracted + NeedsReview + InvalidInput + OverBudget + Failed;

    public StatusCounts Add(ResultStatus status, int count = 1) => status switch
    {
        ResultStatus.Extracted => this with { Extracted = Extracted + count },
        ResultStatus.NeedsReview => this with { NeedsReview = NeedsReview + count },
        ResultStatus.InvalidInput => this with { InvalidInput = InvalidInput + count },
        ResultStatus.OverBudget => this with { OverBudget = OverBudget + count },
        ResultStatus.Failed => this with { Failed = Failed + count },
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown result status."),
    };

    public StatusCounts Add(StatusCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Extracted + other.Extracted, NeedsReview + other.NeedsReview, InvalidInput + other.InvalidInput,
            OverBudget + other.OverBudget, Failed + other.Failed);
    }
}
