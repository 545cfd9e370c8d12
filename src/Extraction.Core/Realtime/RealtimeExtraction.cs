using Extraction.Core.Activities;
using Extraction.Core.Batches;
using Extraction.Core.Budgets;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Models;
using Extraction.Core.Quota;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Realtime;

/// <summary>
/// One account, answered while the caller waits: no Durable hop (its queues poll), the same model path
/// as a batch — student within its deadline, teacher if configured and the deadline allows, checks,
/// budgets — and the raw record and result written after the answer is returned. Each answer is filed
/// at a line of a real-time batch (<see cref="RealtimeBatches"/>), so it can be read back like any other.
/// </summary>
[Singleton]
public sealed class RealtimeExtraction(
    IExtractionModel model, AccountResultRecorder recorder, RecordQueue records, RealtimeBatches batches,
    IOptions<BudgetOptions> budgets, IOptions<BatchOptions> batchOptions, TimeProvider time)
{
    /// <summary>Reads one account from a request body — never more than <c>Batch:MaxLineBytes</c> of it — and answers it.</summary>
    public async Task<RealtimeOutcome> ExtractAsync(string partner, Stream body, long? declaredLength, CancellationToken cancellationToken = default)
    {
        if (await BoundedRead.ReadAsync(body, declaredLength, batchOptions.Value.MaxLineBytes, cancellationToken).ConfigureAwait(false) is not { } account)
        {
            return new(null, null, 0, new(RequestProblemKind.TooLarge, "Account too large", $"One account may be at most {batchOptions.Value.MaxLineBytes:N0} bytes."));
        }

        var parsed = BatchLineParser.Parse(account);
        if (parsed.Item is not { } item)
        {
            return new(null, null, 0, new(RequestProblemKind.Invalid, "Invalid account", $"The account breaks batch.v1: {parsed.Problems}."));
        }

        var (batch, line) = batches.Next(partner);
        var context = AccountContext.For(batch, null, default, budgets.Value, time.GetUtcNow(), CallLane.Realtime);
        ModelAnswer answer;
        try
        {
            answer = await model.ExtractAsync(item, context, cancellationToken).ConfigureAwait(false);
        }
        catch (BudgetUnavailableException)
        {
            return new(null, batch, line, new(RequestProblemKind.Unavailable, "Budget ledger unavailable", "No model call was made because the budget ledger cannot be reached; try again."));
        }

        var result = recorder.ResultOf(batch, line, item, answer);
        await records.EnqueueAsync(new AnsweredAccount(batch, line, item, answer, result), cancellationToken).ConfigureAwait(false);
        return new(result, batch, line, null);
    }
}
