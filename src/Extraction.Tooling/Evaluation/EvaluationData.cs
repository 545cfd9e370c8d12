using System.Collections.Concurrent;
using Extraction.Core.Contracts;
using Extraction.Core.Evaluation;
using Extraction.Core.Storage;

namespace Extraction.Tooling.Evaluation;

/// <summary>Gathers a finished batch's results that have gold labels, each with the attempts its raw record holds.</summary>
public sealed class EvaluationData(ResultStore results, RawRecordStore rawRecords)
{
    public async Task<List<AccountEvaluation>> CollectAsync(BatchRef batch, IReadOnlyDictionary<string, ExtractedFields> gold, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gold);
        var scored = new List<ExtractionResult>();
        await foreach (var stored in results.ListAsync(batch, cancellationToken).ConfigureAwait(false))
        {
            if (stored.Result.Status != ResultStatus.InvalidInput && gold.ContainsKey(stored.Result.AccountId))
            {
                scored.Add(stored.Result);
            }
        }

        var records = new ConcurrentDictionary<string, RawRecord?>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            scored.Where(r => r.RawOutput is not null),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (result, token) => records[result.AccountId] = await rawRecords.ReadAsync(result.RawOutput!, token).ConfigureAwait(false)).ConfigureAwait(false);
        return scored.Select(r => new AccountEvaluation(r, gold[r.AccountId], records.GetValueOrDefault(r.AccountId)?.Attempts ?? [])).ToList();
    }
}
