using Extraction.Core.Contracts;

namespace Extraction.Core.Storage;

/// <summary>
/// raw.v1: what was asked and what came back for one account, every attempt included. Kept in blobs
/// (never logs) so results can be audited and the next fine-tune's data traced to its source.
/// <see cref="Input"/> is the account as it arrived, from which the training export rebuilds the prompt.
/// </summary>
public sealed record RawRecord(
    string Partner,
    string BatchId,
    int Line,
    string AccountId,
    LiabilityType LiabilityType,
    SourceKind SourceKind,
    string? ModelUsed,
    IReadOnlyList<ModelAttempt> Attempts,
    ExtractionResult Result,
    DateTimeOffset RecordedAt,
    BatchItem? Input = null)
{
    public string Schema { get; init; } = "raw.v1";
}
