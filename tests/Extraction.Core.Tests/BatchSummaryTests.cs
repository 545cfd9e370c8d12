using Extraction.Core.Activities;
using Extraction.Core.Contracts;

namespace Extraction.Core.Tests;

public sealed class BatchSummaryTests
{
    [Fact]
    public void Chunks_and_resumed_accounts_add_up_to_the_batch()
    {
        var start = BatchSummary.Start(new BatchPlan(Lines: 6, Invalid: 1, Chunks: 2, SourceETag: "e"));
        var first = BatchSummary.Of([new(ResultStatus.Extracted, 0.5m), new(ResultStatus.Failed, 0m)]);
        var second = BatchSummary.Of([new(ResultStatus.NeedsReview, 0.25m)]).AddResumed(StatusCounts.Zero.Add(ResultStatus.Extracted, 2));

        var total = start.AddChunk(first).AddChunk(second);

        Assert.Equal(new StatusCounts(Extracted: 3, NeedsReview: 1, InvalidInput: 1, OverBudget: 0, Failed: 1), total.Counts);
        Assert.Equal(6, total.Counts.Total);
        Assert.Equal(2, total.ChunksDone);
        Assert.Equal(2, total.Resumed);
        Assert.Equal(0.75m, total.CostUsd);
    }
}
