using Extraction.Core.Budgets;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Storage;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Activities;

/// <summary>
/// The design card's guard, once per chunk rather than per account: past the batch deadline, or with a
/// budget scope spent to its limit (nothing left to lease and nothing leased out), the chunk's accounts
/// get their result here — <c>failed</c> or <c>over_budget</c>, naming why — and no extraction activity
/// is scheduled for them.
/// </summary>
public sealed class AdmitChunkActivity(BudgetLedger ledger, ResultStore results, IOptions<BudgetOptions> options, TimeProvider time) : IPipelineActivity<AdmitChunkInput, ChunkAdmission>
{
    public async Task<ChunkAdmission> RunAsync(AdmitChunkInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (chunk, pending) = (input.Chunk, input.Pending);
        var now = time.GetUtcNow();
        if (new BatchDeadline(chunk.Deadline).HasPassed(now))
        {
            return await CloseAsync(chunk.Batch, pending, ResultStatus.Failed, BatchDeadline.Reason, cancellationToken).ConfigureAwait(false);
        }

        foreach (var scope in BudgetScope.For(chunk.Batch, chunk.MaxCostUsd, options.Value, now))
        {
            var state = await ledger.ReadAsync(scope, cancellationToken).ConfigureAwait(false);
            if (state.AvailableNano <= 0 && state.LeasedNano <= 0)
            {
                return await CloseAsync(chunk.Batch, pending, ResultStatus.OverBudget, $"Not attempted: {scope.Name} has no room.", cancellationToken).ConfigureAwait(false);
            }
        }

        return new ChunkAdmission(pending, StatusCounts.Zero);
    }

    private async Task<ChunkAdmission> CloseAsync(BatchRef batch, IReadOnlyList<WorkItem> pending, ResultStatus status, string reason, CancellationToken cancellationToken)
    {
        await results.PutManyAsync(batch, [.. pending.Select(i => new StoredResult(i.Line, new ExtractionResult { AccountId = i.AccountId, Status = status, Reason = reason }))], cancellationToken).ConfigureAwait(false);
        return new ChunkAdmission([], StatusCounts.Zero.Add(status, pending.Count));
    }
}
