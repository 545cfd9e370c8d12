using System.Text.RegularExpressions;

namespace Extraction.Core.Storage;

/// <summary>A batch of one partner: the key of its results partition and of its blob folders.</summary>
public sealed partial record BatchRef(string Partner, string BatchId)
{
    /// <summary>Table partition key; <c>|</c> is allowed in keys and in neither id.</summary>
    public string PartitionKey => $"{Partner}|{BatchId}";

    /// <summary>Blob folder of this batch.</summary>
    public string Folder => $"{Partner}/{BatchId}";

    public static bool IsValidPartner(string? partner) => partner is not null && PartnerPattern().IsMatch(partner);

    public static bool IsValidBatchId(string? batchId) => batchId is not null && BatchIdPattern().IsMatch(batchId);

    public static BatchRef Create(string partner, string batchId)
    {
        if (!IsValidPartner(partner))
        {
            throw new ArgumentException("A partner id is 1–63 characters of a-z 0-9 and -, starting with a letter or digit.", nameof(partner));
        }

        if (!IsValidBatchId(batchId))
        {
            throw new ArgumentException("A batch id is 1–100 characters of A-Z a-z 0-9 . _ -.", nameof(batchId));
        }

        return new BatchRef(partner, batchId);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex PartnerPattern();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex BatchIdPattern();
}
