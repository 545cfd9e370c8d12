using System.Text.Json;
using Extraction.Core.Contracts;

namespace Extraction.Core.Evaluation;

/// <summary>Gold labels: <c>{"accountId", "liabilityType", "fields"}</c> per line, as in samples/reference/gold.jsonl.</summary>
public static class GoldLabels
{
    public static async Task<IReadOnlyDictionary<string, ExtractedFields>> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        Parse(await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false));

    public static IReadOnlyDictionary<string, ExtractedFields> Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var gold = new Dictionary<string, ExtractedFields>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var id = json.RootElement.TryGetProperty("accountId", out var accountId) ? accountId.GetString() : null;
            var fields = json.RootElement.TryGetProperty("fields", out var f) ? ContractJson.Deserialize<ExtractedFields>(f.GetRawText()) : null;
            if (id is null || fields is null)
            {
                throw new InvalidDataException($"Gold line {number} needs accountId and fields.");
            }

            gold[id] = fields;
        }

        return gold;
    }
}
