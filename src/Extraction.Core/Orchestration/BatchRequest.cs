using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Extraction.Core.Batches;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;

namespace Extraction.Core.Orchestration;

/// <summary>A batch as an HTTP request carries it, read and checked before anything is staged or started.</summary>
public sealed record BatchRequest(string BatchId, byte[] Lines, int Accounts, BatchLimits Limits)
{
    /// <summary>What makes two requests the same batch: its lines and its own limits.</summary>
    public string ContentSha256 => Convert.ToHexStringLower(Hash(Lines, Limits));

    // Incremental: the body can be 50 MB, not worth copying to hash it with two more fields.
    private static byte[] Hash(byte[] lines, BatchLimits limits)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(lines);
        sha.AppendData(Encoding.UTF8.GetBytes(FormattableString.Invariant($"\n{limits.MaxCostUsd}|{limits.Deadline:O}")));
        return sha.GetHashAndReset();
    }
}

/// <summary>Why a request is refused, as problem details: the HTTP status, a title, a detail that names the problem.</summary>

/// <summary>
/// Reads <c>POST /api/batches</c>: NDJSON (batch.v1 lines) or a JSON object
/// <c>{ "batchId", "maxCostUsd", "deadline", "accounts": [ … ] }</c>, within the size and account limits.
/// The batch id is the one given, or one derived from an <c>Idempotency-Key</c>, or a new one — so a
/// repeated id or key finds the batch it started instead of starting another.
/// </summary>
public static class BatchRequestReader
{
    /// <summary>The content types read as batch.v1 lines (the OpenAPI document lists each).</summary>
    public static IReadOnlyList<string> NdjsonTypes { get; } = ["application/x-ndjson", "application/jsonl", "application/jsonlines", "application/x-jsonlines", "text/plain"];

    public static async Task<(BatchRequest? Request, RequestProblem? Problem)> ReadAsync(
        Stream body, string? contentType, long? contentLength, string? queryBatchId, string? idempotencyKey, BatchOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(options);
        var mediaType = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        var isJson = mediaType == "application/json";
        if (!isJson && !NdjsonTypes.Contains(mediaType))
        {
            return (null, new(RequestProblemKind.UnsupportedType, "Unsupported content type", $"Send batch.v1 as application/x-ndjson, or a JSON object with an accounts array as application/json; got '{contentType ?? "none"}'."));
        }

        if (await BoundedRead.ReadAsync(body, contentLength, options.MaxRequestBytes, cancellationToken).ConfigureAwait(false) is not { } content)
        {
            return (null, TooLarge(options));
        }

        var (lines, limits, bodyBatchId, problem) = isJson ? FromJsonObject(content) : (content, new BatchLimits(null, null), null, null);
        if (problem is not null)
        {
            return (null, problem);
        }

        var accounts = CountAccounts(lines!);
        if (accounts == 0)
        {
            return (null, new(RequestProblemKind.Invalid, "Empty batch", "The request carries no account."));
        }

        if (accounts > options.MaxAccountsPerRequest)
        {
            return (null, new(RequestProblemKind.TooLarge, "Too many accounts", $"The request carries {accounts:N0} accounts; at most {options.MaxAccountsPerRequest:N0} per request. Split it, or upload the file to incoming/{{partner}}/."));
        }

        var batchId = queryBatchId ?? bodyBatchId ?? (idempotencyKey is { Length: > 0 } key ? IdForKey(key) : Guid.NewGuid().ToString("N"));
        return BatchRef.IsValidBatchId(batchId)
            ? (new BatchRequest(batchId, lines!, accounts, limits), null)
            : (null, new(RequestProblemKind.Invalid, "Invalid batchId", $"The batchId is not valid: {BatchRef.BatchIdRule}."));
    }

    /// <summary>The same key always names the same batch.</summary>
    public static string IdForKey(string key) => "idem-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];

    private static RequestProblem TooLarge(BatchOptions options) =>
        new(RequestProblemKind.TooLarge, "Request too large", $"A batch request may carry at most {options.MaxRequestBytes:N0} bytes; upload larger files to incoming/{{partner}}/.");

    private static (byte[]? Lines, BatchLimits Limits, string? BatchId, RequestProblem? Problem) FromJsonObject(byte[] json)
    {
        var none = new BatchLimits(null, null);
        if (Utf8Text.FirstInvalidByte(json) is var bad and >= 0)
        {
            return (null, none, null, new(RequestProblemKind.Invalid, "Not UTF-8", $"The body is not valid UTF-8 (byte {bad})."));
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("accounts", out var accounts) || accounts.ValueKind != JsonValueKind.Array)
            {
                return (null, none, null, new(RequestProblemKind.Invalid, "No accounts", "A JSON body is an object with an accounts array of batch.v1 objects."));
            }

            string? batchId = null;
            if (root.TryGetProperty("batchId", out var id))
            {
                if (id.ValueKind != JsonValueKind.String)
                {
                    return (null, none, null, new(RequestProblemKind.Invalid, "Invalid batchId", "batchId must be a string."));
                }

                batchId = id.GetString();
            }

            decimal? maxCost = null;
            if (root.TryGetProperty("maxCostUsd", out var cost) && cost.ValueKind != JsonValueKind.Null)
            {
                if (cost.ValueKind != JsonValueKind.Number || !cost.TryGetDecimal(out var usd) || usd < 0)
                {
                    return (null, none, null, new(RequestProblemKind.Invalid, "Invalid maxCostUsd", "maxCostUsd must be a non-negative number of US dollars."));
                }

                maxCost = usd;
            }

            DateTimeOffset? deadline = null;
            if (root.TryGetProperty("deadline", out var at) && at.ValueKind != JsonValueKind.Null)
            {
                if (at.ValueKind != JsonValueKind.String || !DateTimeOffset.TryParse(at.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
                {
                    return (null, none, null, new(RequestProblemKind.Invalid, "Invalid deadline", "deadline must be an ISO 8601 date and time."));
                }

                deadline = when;
            }

            var lines = new StringBuilder();
            foreach (var account in accounts.EnumerateArray())
            {
                lines.Append(account.GetRawText().ReplaceLineEndings(" ")).Append('\n');
            }

            return (Encoding.UTF8.GetBytes(lines.ToString()), new BatchLimits(maxCost, deadline), batchId, null);
        }
        catch (JsonException ex)
        {
            return (null, none, null, new(RequestProblemKind.Invalid, "Malformed JSON", $"The body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine})."));
        }
    }

    private static int CountAccounts(byte[] lines) =>
        Encoding.UTF8.GetString(lines).Split('\n').Count(l => !string.IsNullOrWhiteSpace(l));
}
