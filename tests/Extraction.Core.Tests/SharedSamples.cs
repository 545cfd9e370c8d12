using System.Text.Json;
using Extraction.Core.Contracts;

namespace Extraction.Core.Tests;

/// <summary>The gold-labelled samples in ../shared/samples, found from the test's folder upwards.</summary>
internal static class SharedSamples
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
            var candidate = Path.Combine(dir.FullName, "shared", "samples", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"shared/samples/{file} was not found above {AppContext.BaseDirectory}.");
    }
}
