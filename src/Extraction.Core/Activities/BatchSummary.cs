namespace Extraction.Core.Activities;

/// <summary>Running totals of a batch (or of one chunk): also the batch orchestration's custom status.</summary>
/// <param name="Accounts">Input lines in the batch (0 for a chunk).</param>
/// <param name="Chunks">Chunks in the batch (0 for a chunk).</param>
/// <param name="ChunksDone">Chunks finished so far.</param>
/// <param name="Counts">Finished accounts by status.</param>
/// <param name="CostUsd">Model cost of the accounts finished in this run.</param>
/// <param name="Resumed">Accounts whose final result was already stored by an earlier run.</param>
public sealed record BatchSummary(int Accounts, int Chunks, int ChunksDone, StatusCounts Counts, decimal CostUsd, int Resumed)
{
    public static BatchSummary Start(BatchPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(plan.Lines, plan.Chunks, 0, StatusCounts.Zero.Add(Contracts.ResultStatus.InvalidInput, plan.Invalid), 0m, 0);
    }

    public static BatchSummary Of(IEnumerable<AccountOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return outcomes.Aggregate(
            new BatchSummary(0, 0, 0, StatusCounts.Zero, 0m, 0),
            (sum, o) => sum with { Counts = sum.Counts.Add(o.Status), CostUsd = sum.CostUsd + o.CostUsd });
    }

    /// <summary>Accounts the admission closed without extracting them (over budget, past the deadline).</summary>
    public BatchSummary AddClosed(StatusCounts closed)
    {
        ArgumentNullException.ThrowIfNull(closed);
        return this with { Counts = Counts.Add(closed) };
    }

    public BatchSummary AddResumed(StatusCounts resumed)
    {
        ArgumentNullException.ThrowIfNull(resumed);
        return this with { Counts = Counts.Add(resumed), Resumed = Resumed + resumed.Total };
    }

    /// <summary>Folds a finished chunk into the batch totals.</summary>
    public BatchSummary AddChunk(BatchSummary chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return this with
        {
            ChunksDone = ChunksDone + 1,
            Counts = Counts.Add(chunk.Counts),
            CostUsd = CostUsd + chunk.CostUsd,
            Resumed = Resumed + chunk.Resumed,
        };
    }
}
