using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Extraction;
using Extraction.Core.Storage;

namespace Extraction.Core.Review;

/// <summary>
/// What a reviewer needs beside the result to decide quickly: for each field a failed check names (every stated
/// field where none is named), the document's own lines around the value — read from the raw record, never logged.
/// </summary>
[Singleton]
public sealed class ReviewEvidence(ResultStore results, RawRecordStore rawRecords)
{
    private const int MaxPlaces = 3;

    public async Task<AccountReview?> ForAsync(BatchRef batch, string accountId, CancellationToken cancellationToken = default)
    {
        if (await results.FindAccountAsync(batch, accountId, cancellationToken).ConfigureAwait(false) is not var (stored, _))
        {
            return null;
        }

        var result = stored.Result;
        var document = result.RawOutput is null ? null : (await rawRecords.ReadAsync(result.RawOutput, cancellationToken).ConfigureAwait(false))?.Input;
        return new AccountReview(result, document is null ? [] : Of(result, document.Source.Text));
    }

    public static IReadOnlyList<FieldEvidence> Of(ExtractionResult result, string text)
    {
        ArgumentNullException.ThrowIfNull(result);
        var fields = result.Fields ?? ExtractedFields.Empty;
        var named = result.Checks.Where(c => !c.Passed || c.Settled).SelectMany(c => c.Fields ?? []).Distinct(StringComparer.Ordinal).ToList();
        var doubted = named.Count > 0
            ? named.Select(FieldCatalog.Named).OfType<FieldInfo>()
            : FieldCatalog.All.Where(f => f.Get(fields) is not null);
        var search = ValueSearch.Of(text);
        return [.. doubted.Select(field => field.Get(fields) is { } value
            ? new FieldEvidence(field.Name, value, [.. search.Surroundings(value).Distinct(StringComparer.Ordinal).Take(MaxPlaces)])
            : new FieldEvidence(field.Name, null, FieldWords.Lines(field, text, MaxPlaces)))];
    }
}
