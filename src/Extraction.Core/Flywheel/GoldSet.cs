using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Evaluation;
using Extraction.Core.Training;

namespace Extraction.Core.Flywheel;

/// <summary>
/// What the gate judges on: the labelled evaluation set, and the human-verified documents held out of
/// every export (<see cref="HeldOutDocuments"/>), each document once.
/// </summary>
[Singleton]
public sealed class GoldSet(HeldOutDocuments heldOut)
{
    public async Task<List<GoldItem>> LoadAsync(CancellationToken cancellationToken = default)
    {
        var gold = GoldLabels.Parse(await heldOut.EvaluationGoldLinesAsync(cancellationToken).ConfigureAwait(false));
        var set = new List<GoldItem>();
        foreach (var (item, label) in (await heldOut.GateDocumentsAsync(cancellationToken).ConfigureAwait(false)).Values)
        {
            if (label is not null)
            {
                set.Add(new GoldItem(item, label, GoldOrigin.VerifiedLabel));
            }
            else if (gold.TryGetValue(item.AccountId, out var fields))
            {
                set.Add(new GoldItem(item, fields, GoldOrigin.EvaluationSet));
            }
        }

        return set;
    }
}

/// <param name="Origin"><see cref="GoldOrigin"/>: where the label came from.</param>
public sealed record GoldItem(BatchItem Item, ExtractedFields Gold, string Origin);

public static class GoldOrigin
{
    public const string EvaluationSet = "evaluation_set";
    public const string VerifiedLabel = "verified_label";
}
