using System.Text.RegularExpressions;

namespace Extraction.Core.Contracts;

/// <summary>
/// A batch of one partner: the key of its results partition and of its blob folders. It cannot hold an
/// invalid id — every blob name and table key is built from one, so no path can be normalised into
/// another partner's folder (an id of dots such as <c>..</c> is refused).
/// </summary>
public sealed partial record BatchRef
{
    public const string PartnerRule = "a partner id is 1–63 characters of a-z 0-9 and -, starting with a letter or digit";
    public const string BatchIdRule = "a batch id is 1–100 characters of A-Z a-z 0-9 . _ -, not only dots";

    public BatchRef(string partner, string batchId)
    {
        if (!IsValidPartner(partner))
        {
            throw new ArgumentException($"'{partner}' is not a partner: {PartnerRule}.", nameof(partner));
        }

        if (!IsValidBatchId(batchId))
        {
            throw new ArgumentException($"'{batchId}' is not a batch id: {BatchIdRule}.", nameof(batchId));
        }

        Partner = partner;
        BatchId = batchId;
    }

    public string Partner { get; }

    public string BatchId { get; }

    /// <summary>Table partition key; <c>|</c> is allowed in keys and in neither id.</summary>
    public string PartitionKey => $"{Partner}|{BatchId}";

    /// <summary>Blob folder of this batch.</summary>
    public string Folder => $"{Partner}/{BatchId}";

    public static bool IsValidPartner(string? partner) => partner is not null && PartnerPattern().IsMatch(partner);

    public static bool IsValidBatchId(string? batchId) => batchId is not null && BatchIdPattern().IsMatch(batchId);

    // \A and \z, never ^ and $: $ also matches before a final newline, which would let "x\n" through.
    [GeneratedRegex(@"\A[a-z0-9][a-z0-9-]{0,62}\z", RegexOptions.CultureInvariant)]
    private static partial Regex PartnerPattern();

    [GeneratedRegex(@"\A(?!\.+\z)[A-Za-z0-9._-]{1,100}\z", RegexOptions.CultureInvariant)]
    private static partial Regex BatchIdPattern();
}
