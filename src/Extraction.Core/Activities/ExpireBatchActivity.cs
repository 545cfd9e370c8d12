using Extraction.Core.Budgets;
namespace Extraction.Core.Activities;

/// <summary>When a batch's deadline timer fires: close every account still open (<c>failed</c>, "batch deadline passed").</summary>
public sealed class ExpireBatchActivity(BatchCloser closer) : IPipelineActivity<ExpireBatchInput, StatusCounts>
{
    public Task<StatusCounts> RunAsync(ExpireBatchInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return closer.CloseOpenAsync(input.Batch, input.Chunks, BatchDeadline.Reason, cancellationToken);
    }
}
