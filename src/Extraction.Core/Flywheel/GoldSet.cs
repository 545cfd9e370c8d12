using Azure.Data.Tables;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Evaluation;
using Extraction.Core.Storage;
using Extraction.Core.Training;

namespace Extraction.Core.Flywheel;

/// <summary>
/// What the gate judges on: the labelled evaluation set, and the human-verified documents held out of
/// every export (<see cref="HeldOutDocuments"/>), each document once.
/// </summary>
[Singleton]
public sealed class GoldSet(HeldOutDocuments heldOut, StorageClients storage, RawRecordStore rawRecords)
{
    public async Task<List<GoldItem>> LoadAsync(CancellationToken cancellationToken = default)
    {
        var (items, _) = await heldOut.EvaluationBatchAsync(cancellationToken).ConfigureAwait(false);
        var gold = GoldLabels.Parse(await heldOut.EvaluationGoldLinesAsync(cancellationToken).ConfigureAwait(false));
        var set = items.Where(i => gold.ContainsKey(i.AccountId)).Select(i => new GoldItem(i, gold[i.AccountId], GoldOrigin.EvaluationSet)).ToList();

        await foreach (var label in storage.LabelsTable.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (label.GetString("RawOutput") is not { } raw || ContractJson.Deserialize<ExtractedFields>(label.GetString("Fields") ?? "null") is not { } fields)
            {
                continue;
            }

            if ((await rawRecords.ReadAsync(raw, cancellationToken).ConfigureAwait(false))?.Input is { } item
                && heldOut.IsGateLabel(TrainingExporter.DocumentHash(item.Source.Text)))
            {
                set.Add(new GoldItem(item, fields, GoldOrigin.VerifiedLabel));
            }
        }

        return [.. set.GroupBy(g => TrainingExporter.DocumentHash(g.Item.Source.Text)).Select(g => g.First())];
    }
}

/// <param name="Origin"><see cref="GoldOrigin"/>: where the label came from.</param>
public sealed record GoldItem(BatchItem Item, ExtractedFields Gold, string Origin);

public static class GoldOrigin
{
    public const string EvaluationSet = "evaluation_set";
    public const string VerifiedLabel = "verified_label";
}
