using Microsoft.Extensions.Logging;

namespace Extraction.Core.Activities;

/// <summary>Records and reports a finished batch: accounts by status, what it spent, how long it took.</summary>
public sealed class CompleteBatchActivity(FinishedBatches finished, IPipelineTelemetry telemetry, ILogger<CompleteBatchActivity> logger) : IPipelineActivity<CompleteBatchInput, bool>
{
    public async Task<bool> RunAsync(CompleteBatchInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await finished.WriteAsync(new FinishedBatch(input.Batch, input.Summary, new DateTimeOffset(input.StartedAt, TimeSpan.Zero), new DateTimeOffset(input.CompletedAt, TimeSpan.Zero)), cancellationToken).ConfigureAwait(false);
        var duration = input.CompletedAt - input.StartedAt;
        telemetry.BatchCompleted(input.Batch, input.Summary, duration);
        logger.LogInformation(
            "Batch {Partner}/{BatchId} completed: {Accounts} accounts, {Extracted} extracted, {NeedsReview} needs_review, {Invalid} invalid_input, {OverBudget} over_budget, {Failed} failed, ${CostUsd} in {DurationMs} ms",
            input.Batch.Partner, input.Batch.BatchId, input.Summary.Accounts, input.Summary.Counts.Extracted, input.Summary.Counts.NeedsReview,
            input.Summary.Counts.InvalidInput, input.Summary.Counts.OverBudget, input.Summary.Counts.Failed, input.Summary.CostUsd, (long)duration.TotalMilliseconds);
        return true;
    }
}
