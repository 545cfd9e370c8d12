using Extraction.Core.Contracts;

namespace Extraction.Core.Batches;

/// <summary>
/// A line of a batch after reading and validation: either a valid item (with where to read it back)
/// or the <c>invalid_input</c> result that stands for it.
/// </summary>
public sealed record BatchLine(int Number, long Offset, int Length, BatchItem? Item, ExtractionResult? Invalid)
{
    /// <summary>The id a result is reported under: the account id, or "line N" where there is none.</summary>
    public string ResultAccountId => Item?.AccountId ?? Invalid!.AccountId;

    public static string LineLabel(int number) => $"line {number}";
}
