using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Extraction.Core.Batches;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Training;

/// <summary>
/// The documents the evaluation gate judges candidates on, which no export may teach: the labelled
/// evaluation set (<c>Training:Gate:EvaluationBatch</c> in the training container) and a share of the
/// human-verified documents, chosen by document hash (<c>Training:Gate:HoldOutPercent</c>) so the choice
/// is the same in every export and every gate.
/// </summary>
[Singleton]
public sealed class HeldOutDocuments(
    StorageClients storage, RawRecordStore rawRecords, IOptions<StorageOptions> storageOptions, IOptions<TrainingOptions> options, ILogger<HeldOutDocuments> logger)
{
    /// <summary>A verified document the gate keeps: by a slice of its hash other than the one the validation split uses.</summary>
    public bool IsGateLabel(string documentHash)
    {
        ArgumentNullException.ThrowIfNull(documentHash);
        return ulong.Parse(documentHash[16..31], NumberStyles.HexNumber, CultureInfo.InvariantCulture) % 100 < (ulong)options.Value.Gate.HoldOutPercent;
    }

    /// <summary>The evaluation set's items; empty when there is none. A line that does not parse is left out and named in the log.</summary>
    public async Task<List<BatchItem>> EvaluationBatchAsync(CancellationToken cancellationToken = default)
    {
        var items = new List<BatchItem>();
        var number = 0;
        foreach (var line in await ReadLinesAsync(options.Value.Gate.EvaluationBatch, cancellationToken).ConfigureAwait(false))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var parsed = BatchLineParser.Parse(System.Text.Encoding.UTF8.GetBytes(line));
            if (parsed.Item is { } item)
            {
                items.Add(item);
            }
            else
            {
                logger.LogWarning("Evaluation set line {Line} is left out of the gate: {Problems}", number, parsed.Problems);
            }
        }

        return items;
    }

    /// <summary>The evaluation set's gold lines (<c>{accountId, fields}</c>), as text.</summary>
    public Task<List<string>> EvaluationGoldLinesAsync(CancellationToken cancellationToken = default) =>
        ReadLinesAsync(options.Value.Gate.EvaluationGold, cancellationToken);

    /// <summary>
    /// Every document the gate judges on, by hash: the evaluation set's, and each verified label's whose hash
    /// falls in the gate's share, with its fields. An export skips these documents whoever answered them.
    /// </summary>
    public async Task<Dictionary<string, (BatchItem Item, ExtractedFields? Gold)>> GateDocumentsAsync(CancellationToken cancellationToken = default)
    {
        var documents = new Dictionary<string, (BatchItem, ExtractedFields?)>(StringComparer.Ordinal);
        foreach (var item in await EvaluationBatchAsync(cancellationToken).ConfigureAwait(false))
        {
            documents.TryAdd(TrainingExporter.DocumentHash(item.Source.Text), (item, null));
        }

        var labels = new List<(string RawOutput, ExtractedFields Fields)>();
        await foreach (var label in storage.LabelsTable.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            // A label one reviewer set against the document is not gold until a second one confirms it.
            if (label.GetBoolean("Taught") != false && label.GetString("RawOutput") is { } raw && ContractJson.Deserialize<ExtractedFields>(label.GetString("Fields") ?? "null") is { } fields)
            {
                labels.Add((raw, fields));
            }
        }

        // A label names its raw record, which holds the document: read them side by side, as the export does,
        // then keep the table's order (the first label of a document wins, every time).
        var inputs = new BatchItem?[labels.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, labels.Count), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, token) =>
            inputs[i] = (await rawRecords.ReadAsync(labels[i].RawOutput, token).ConfigureAwait(false))?.Input).ConfigureAwait(false);
        for (var i = 0; i < labels.Count; i++)
        {
            if (inputs[i] is { } item && TrainingExporter.DocumentHash(item.Source.Text) is var hash && IsGateLabel(hash))
            {
                documents.TryAdd(hash, (item, labels[i].Fields));
            }
        }

        return documents;
    }

    private async Task<List<string>> ReadLinesAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var content = await storage.Container(storageOptions.Value.TrainingContainer).GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return [.. content.Value.Content.ToString().TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r'))];
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }
    }
}
