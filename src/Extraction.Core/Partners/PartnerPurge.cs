using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Extraction.Core.Access;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Orchestration;
using Extraction.Core.Prompting;
using Extraction.Core.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Partners;

/// <summary>
/// Deletes everything of one partner: its batches' engine history, its blobs in every container (uploads, staged
/// batches, manifests, raw records, the corrections' audit), its rows in every table (results, review queue,
/// labels, training candidates, budget ledger, its keys; reviewers keep their keys, without the partner in their
/// scope), and the lines of exported training files made from its documents. Leaves one purge record (who, when,
/// counts). Idempotent: a second purge finds nothing and records that.
/// </summary>
[Singleton]
public sealed class PartnerPurge(StorageClients storage, IOptions<StorageOptions> options, CredentialStore credentials, TimeProvider time, ILogger<PartnerPurge> logger)
{
    public async Task<PurgeReport> PurgeAsync(string partner, string by, DurableTaskClient client, CancellationToken cancellationToken = default)
    {
        if (!BatchRef.IsValidPartner(partner))
        {
            throw new ArgumentException($"'{partner}' is not a partner: {BatchRef.PartnerRule}.", nameof(partner));
        }

        ArgumentNullException.ThrowIfNull(client);
        var o = options.Value;
        // Its keys go first, so it cannot send more while the rest is deleted (a worker's cache may let a verified key
        // in for Auth:KeyCacheSeconds more).
        var removed = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["partner keys"] = await credentials.DeleteAllAsync(CallerKind.Partner, partner, cancellationToken).ConfigureAwait(false),
            ["engine instances"] = await PurgeInstancesAsync(client, partner, cancellationToken).ConfigureAwait(false),
        };

        // The exported files hold prompts rebuilt from raw records: read the partner's documents before the raw records go.
        var documents = await DocumentsAsync(partner, cancellationToken).ConfigureAwait(false);
        removed["training file lines"] = await RemoveExportedLinesAsync(partner, documents, cancellationToken).ConfigureAwait(false);
        foreach (var container in new[] { o.IncomingContainer, o.BatchesContainer, o.WorkContainer, o.RawContainer, o.LabelledContainer, o.AuditContainer })
        {
            removed[$"{container} blobs"] = await DeleteBlobsAsync(container, $"{partner}/", cancellationToken).ConfigureAwait(false);
        }

        removed["results rows"] = await DeleteRowsAsync(storage.ResultsTable, KeyRange($"{partner}|"), cancellationToken).ConfigureAwait(false);
        removed["review rows"] = await DeleteRowsAsync(storage.ReviewsTable, TableClient.CreateQueryFilter($"PartitionKey eq {partner}"), cancellationToken).ConfigureAwait(false);
        removed["label rows"] = await DeleteRowsAsync(storage.LabelsTable, TableClient.CreateQueryFilter($"PartitionKey eq {partner}"), cancellationToken).ConfigureAwait(false);
        removed["training candidate rows"] = await DeleteRowsAsync(storage.TrainingTable, TableClient.CreateQueryFilter($"Partner eq {partner}"), cancellationToken).ConfigureAwait(false);
        removed["budget rows"] = await DeleteRowsAsync(storage.BudgetsTable, KeyRange($"batch|{partner}|"), cancellationToken).ConfigureAwait(false)
            + await DeleteRowsAsync(storage.BudgetsTable, KeyRange($"partner|{partner}|"), cancellationToken).ConfigureAwait(false);
        removed["reviewer scopes"] = await credentials.RemoveFromScopesAsync(partner, cancellationToken).ConfigureAwait(false);

        var report = new PurgeReport(partner, by, time.GetUtcNow(), removed);
        await storage.PurgesTable.AddEntityAsync(new TableEntity("purge", $"{partner}|{report.At.UtcTicks:D19}")
        {
            ["Partner"] = partner,
            ["By"] = by,
            ["At"] = report.At,
            ["Removed"] = JsonSerializer.Serialize(removed),
        }, cancellationToken).ConfigureAwait(false);
        logger.LogWarning("Partner {Partner} purged by {By}: {Count} items removed", partner, by, report.Total);
        return report;
    }

    private static async Task<int> PurgeInstancesAsync(DurableTaskClient client, string partner, CancellationToken cancellationToken)
    {
        var ids = new List<(string Id, bool Live)>();
        await foreach (var instance in client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = $"batch:{partner}:", PageSize = 500 })
            .WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            ids.Add((instance.InstanceId, !instance.IsCompleted));
        }

        foreach (var (id, live) in ids.Where(i => i.Live && !BatchInput.IsChunkInstance(i.Id)))
        {
            await client.TerminateInstanceAsync(id, new TerminateInstanceOptions("The partner's data was purged.", Recursive: true), cancellationToken).ConfigureAwait(false);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(TimeSpan.FromSeconds(60));
            await client.WaitForInstanceCompletionAsync(id, wait.Token).ConfigureAwait(false);
        }

        var purged = 0;
        foreach (var (id, _) in ids)
        {
            purged += (await client.PurgeInstanceAsync(id, cancellation: cancellationToken).ConfigureAwait(false)).PurgedInstanceCount;
        }

        return purged;
    }

    /// <summary>The user messages the model was (or would be) sent for the partner's documents (raw and labelled), as the export writes them.</summary>
    private async Task<HashSet<string>> DocumentsAsync(string partner, CancellationToken cancellationToken)
    {
        var messages = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in new[] { options.Value.RawContainer, options.Value.LabelledContainer })
        {
            var container = storage.Container(name);
            await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = $"{partner}/" }, cancellationToken).ConfigureAwait(false))
            {
                var content = await container.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
                if (ContractJson.Deserialize<RawRecord>(content.Value.Content.ToString())?.Input is { } input)
                {
                    messages.Add(ExtractionPrompt.UserMessage(input));
                }
            }
        }

        return messages;
    }

    /// <summary>Rewrites each exported JSONL file without the examples built from these documents and the provenance lines naming the partner.</summary>
    private async Task<int> RemoveExportedLinesAsync(string partner, HashSet<string> userMessages, CancellationToken cancellationToken)
    {
        var removed = 0;
        var container = storage.Container(options.Value.TrainingContainer);
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!blob.Name.EndsWith(".jsonl", StringComparison.Ordinal))
            {
                continue;
            }

            // Fine-tuning files are written with a byte order mark (Azure OpenAI asks for one): keep it as it was.
            var client = container.GetBlobClient(blob.Name);
            var text = (await client.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content.ToString();
            var bom = text.StartsWith('\uFEFF') ? "\uFEFF" : "";
            var lines = text[bom.Length..].Split('\n');
            var kept = lines.Where(l => !IsFrom(l, partner, userMessages)).ToList();
            if (kept.Count < lines.Length)
            {
                removed += lines.Length - kept.Count;
                await client.UploadAsync(BinaryData.FromString(bom + string.Join('\n', kept)), overwrite: true, cancellationToken).ConfigureAwait(false);
            }
        }

        return removed;
    }

    private static bool IsFrom(string line, string partner, HashSet<string> userMessages)
    {
        if (line.Length == 0)
        {
            return false;
        }

        try
        {
            using var example = JsonDocument.Parse(line);
            if (example.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            if (example.RootElement.EnumerateObject().Any(p => p.Name.Equals("partner", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() == partner))
            {
                return true; // a provenance line
            }

            return example.RootElement.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array
                && messages.EnumerateArray().Any(m => m.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String && userMessages.Contains(content.GetString()!));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private async Task<int> DeleteBlobsAsync(string container, string prefix, CancellationToken cancellationToken)
    {
        var client = storage.Container(container);
        var count = 0;
        await foreach (var blob in client.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken).ConfigureAwait(false))
        {
            await client.DeleteBlobIfExistsAsync(blob.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken).ConfigureAwait(false);
            count++;
        }

        return count;
    }

    private static async Task<int> DeleteRowsAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            count++;
        }

        return count;
    }

    /// <summary>Partition keys that start with <paramref name="prefix"/> (its last character is one below the next).</summary>
    private static string KeyRange(string prefix)
    {
        var upper = string.Concat(prefix.AsSpan(0, prefix.Length - 1), ((char)(prefix[^1] + 1)).ToString(CultureInfo.InvariantCulture));
        return TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {upper}");
    }
}
