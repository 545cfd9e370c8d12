using System.Text.Json;
using Extraction.Core.Contracts;

namespace Extraction.Core.Tests;

/// <summary>The 200 gold-labelled reference samples in samples/reference (see docs/contracts.md), found from the test's folder upwards.</summary>
internal static class ReferenceSamples
{
    public static string BatchPath => Find("batch.jsonl");

    public static string GoldPath => Find("gold.jsonl");

    public static string[] BatchLines() => File.ReadAllLines(BatchPath);

    public static IReadOnlyDictionary<string, ExtractedFields> Gold() =>
        File.ReadLines(GoldPath)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(e => e.GetProperty("accountId").GetString()!, e => ContractJson.Deserialize<ExtractedFields>(e.GetProperty("fields").GetRawText())!);

    private static string Find(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "reference", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"samples/reference/{file} was not found above {AppContext.BaseDirectory}.");
    }
}
