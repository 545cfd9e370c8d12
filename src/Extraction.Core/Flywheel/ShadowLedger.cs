using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Storage;

namespace Extraction.Core.Flywheel;

/// <summary>
/// The shadow table: a row per shadow answer (partition: the shadow deployment) with which fields it agreed
/// on with the served answer, what it cost, and how long it took; summed for the gate. No document text.
/// </summary>
[Singleton]
public sealed class ShadowLedger(StorageClients storage, TableWriter writer, TimeProvider time)
{
    public Task RecordAsync(string deployment, string? servedBy, ExtractedFields served, ExtractedFields? answer, IReadOnlyList<ModelAttempt> attempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        var agreed = answer is null ? null : FieldCatalog.All.ToDictionary(f => f.Name, f => Equals(f.Get(answer), f.Get(served)));
        var row = new TableEntity(deployment, $"{time.GetUtcNow().UtcTicks:D19}-{Guid.NewGuid():N}")
        {
            ["ServedBy"] = servedBy,
            ["Answered"] = answer is not null,
            ["Agreed"] = agreed is null ? null : JsonSerializer.Serialize(agreed),
            ["CostUsd"] = attempts.Sum(a => a.CostUsd).ToString(CultureInfo.InvariantCulture),
            ["LatencyMs"] = attempts.Sum(a => a.LatencyMs),
        };
        return writer.UpsertAsync(storage.ShadowTable, [row], cancellationToken);
    }

    /// <summary>Everything the shadow of <paramref name="deployment"/> answered so far; null when it answered nothing.</summary>
    public async Task<ShadowAgreement?> AgreementAsync(string deployment, CancellationToken cancellationToken = default)
    {
        int accounts = 0, unanswered = 0, allAgreed = 0;
        var cost = 0m;
        var agreedByField = FieldCatalog.All.ToDictionary(f => f.Name, _ => 0);
        await foreach (var row in storage.ShadowTable.QueryAsync<TableEntity>(e => e.PartitionKey == deployment, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            accounts++;
            cost += decimal.Parse(row.GetString("CostUsd") ?? "0", CultureInfo.InvariantCulture);
            if (row.GetString("Agreed") is not { } json)
            {
                unanswered++;
                continue;
            }

            var agreed = JsonSerializer.Deserialize<Dictionary<string, bool>>(json) ?? [];
            allAgreed += agreed.Values.All(v => v) ? 1 : 0;
            foreach (var (field, same) in agreed)
            {
                if (same && agreedByField.TryGetValue(field, out var count))
                {
                    agreedByField[field] = count + 1;
                }
            }
        }

        var answered = accounts - unanswered;
        return accounts == 0
            ? null
            : new ShadowAgreement(accounts, unanswered, answered == 0 ? 0 : (double)allAgreed / answered,
                agreedByField.ToDictionary(p => p.Key, p => answered == 0 ? 0 : (double)p.Value / answered), cost);
    }
}
