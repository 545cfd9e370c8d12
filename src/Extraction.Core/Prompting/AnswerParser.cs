using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Extraction.Core.Contracts;

namespace Extraction.Core.Prompting;

/// <summary>
/// Reads a model's answer as fields.v1, trusting nothing: a deployment may ignore the schema, and
/// strict mode does not check formats or ranges. Every key must be there with the right type; dates
/// must be real yyyy-MM-dd dates and <c>accountLast4</c> four digits. Problems are named, never thrown.
/// </summary>
public static partial class AnswerParser
{
    private const decimal MaxMagnitude = 1_000_000_000_000m;

    public static bool TryParse(string? content, out ExtractedFields? fields, out string? problem)
    {
        fields = null;
        var json = StripCodeFence(content);
        if (string.IsNullOrWhiteSpace(json))
        {
            problem = "the answer is empty";
            return false;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            problem = "the answer is not valid JSON";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "the answer is not a JSON object";
                return false;
            }

            var problems = new List<string>();
            problems.AddRange(root.EnumerateObject().Select(p => p.Name).Where(n => FieldCatalog.Named(n) is null).Select(n => $"unexpected key {Truncate(n)}"));
            problems.AddRange(FieldCatalog.All.Where(f => !root.TryGetProperty(f.Name, out _)).Select(f => $"missing key {f.Name}"));
            if (problems.Count > 0)
            {
                problem = string.Join("; ", problems);
                return false;
            }

            var parsed = new ExtractedFields();
            foreach (var field in FieldCatalog.All)
            {
                field.SetOn(parsed, field.Kind switch
                {
                    FieldKind.Amount => Amount(root, field.Name, problems),
                    FieldKind.Date => Date(root, field.Name, problems),
                    FieldKind.Rate => Number(root, field.Name, problems),
                    _ => Last4(root, field.Name, problems),
                });
            }

            problem = problems.Count > 0 ? string.Join("; ", problems) : null;
            fields = problems.Count > 0 ? null : parsed;
            return problems.Count == 0;
        }
    }

    private static decimal? Amount(JsonElement root, string key, List<string> problems) =>
        Number(root, key, problems) is { } value ? Math.Round(value, 2, MidpointRounding.AwayFromZero) : null;

    private static decimal? Number(JsonElement root, string key, List<string> problems)
    {
        var element = root.GetProperty(key);
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var value) && Math.Abs(value) < MaxMagnitude)
        {
            return value;
        }

        problems.Add($"{key} must be a number or null");
        return null;
    }

    private static DateOnly? Date(JsonElement root, string key, List<string> problems)
    {
        var element = root.GetProperty(key);
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add($"{key} must be a yyyy-MM-dd date or null");
        return null;
    }

    private static string? Last4(JsonElement root, string key, List<string> problems)
    {
        var element = root.GetProperty(key);
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.String && FourDigits().IsMatch(element.GetString()!))
        {
            return element.GetString();
        }

        problems.Add($"{key} must be a string of exactly 4 digits or null");
        return null;
    }

    /// <summary>Some deployments wrap JSON in a Markdown fence even when told not to.</summary>
    private static string? StripCodeFence(string? content)
    {
        var trimmed = content?.Trim();
        if (trimmed is null || !trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            return trimmed;
        }

        var firstNewline = trimmed.IndexOf('\n', StringComparison.Ordinal);
        var lastFence = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return firstNewline > 0 && lastFence > firstNewline ? trimmed[(firstNewline + 1)..lastFence] : trimmed;
    }

    /// <summary>Keys are the model's words: keep them short in reasons.</summary>
    private static string Truncate(string key) => key.Length <= 40 ? key : key[..40] + "…";

    [GeneratedRegex(@"\A[0-9]{4}\z", RegexOptions.CultureInvariant)]
    private static partial Regex FourDigits();
}
