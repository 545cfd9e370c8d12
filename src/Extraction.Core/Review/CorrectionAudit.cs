using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs.Specialized;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Storage;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Review;

/// <summary>One correction as the audit keeps it: who, when, what the account said before and after, what was overridden.</summary>
public sealed record AuditEntry(
    DateTimeOffset At, string Partner, string BatchId, int Line, string AccountId, string Reviewer, bool Reopened,
    string StatusBefore, string? ModelBefore, ExtractedFields? FieldsBefore, ExtractedFields FieldsAfter, IReadOnlyList<string> Overridden, string Outcome);

/// <summary>
/// Every correction, appended to an append blob per partner and UTC day (<c>{partner}/{yyyy-MM-dd}.jsonl</c> in
/// <c>Storage:AuditContainer</c>): the service only ever appends blocks, never rewrites one, so an entry once
/// written stays as written. A partner's purge is the one thing that deletes them.
/// </summary>
[Singleton]
public sealed class CorrectionAudit(StorageClients storage, IOptions<StorageOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var blob = storage.Container(options.Value.AuditContainer).GetAppendBlobClient($"{entry.Partner}/{entry.At:yyyy-MM-dd}.jsonl");
        await blob.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        using var line = new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, Json) + "\n"));
        await blob.AppendBlockAsync(line, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A partner's entries of one day, in the order they were appended.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string partner, DateOnly day, CancellationToken cancellationToken = default)
    {
        var blob = storage.Container(options.Value.AuditContainer).GetAppendBlobClient($"{partner}/{day:yyyy-MM-dd}.jsonl");
        if (!await blob.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return [];
        }

        var text = (await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content.ToString();
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonSerializer.Deserialize<AuditEntry>(l, Json)!)];
    }
}
