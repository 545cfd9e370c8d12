using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Extraction.Core.Contracts;

namespace Extraction.Core.Batches;

/// <summary>Validates one batch.v1 line and names every field that breaks the contract.</summary>
public static partial class BatchLineParser
{
    public const int MaxAccountIdLength = 128;
    public const int MaxLenderLength = 200;
    public const int MaxTextLength = 200_000;

    private static readonly string LiabilityTypes = string.Join(", ", Enum.GetValues<LiabilityType>().Select(ContractJson.WireName));
    private static readonly string SourceKinds = string.Join(", ", Enum.GetValues<SourceKind>().Select(ContractJson.WireName));

    public static ParsedLine Parse(ReadOnlyMemory<byte> utf8)
    {
        if (Utf8Text.FirstInvalidByte(utf8.Span) is var bad and >= 0)
        {
            return ParsedLine.Invalid(null, $"the line is not valid UTF-8 (byte {bad})");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException ex)
        {
            return ParsedLine.Invalid(null, $"the line is not valid JSON (byte {ex.BytePositionInLine ?? 0})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ParsedLine.Invalid(null, "the line is not a JSON object");
            }

            var problems = new List<string>();
            var accountId = ReadAccountId(root, problems);
            var liabilityType = ReadEnum<LiabilityType>(root, "liabilityType", "liabilityType", LiabilityTypes, problems);
            var lender = ReadOptionalString(root, "lender", MaxLenderLength, problems);
            var asOf = ReadOptionalDate(root, "asOf", problems);
            SourceDocument? source = null;
            if (!root.TryGetProperty("source", out var sourceElement) || sourceElement.ValueKind == JsonValueKind.Null)
            {
                problems.Add("source is required");
            }
            else if (sourceElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add("source must be an object with kind and text");
            }
            else
            {
                var kind = ReadEnum<SourceKind>(sourceElement, "kind", "source.kind", SourceKinds, problems);
                var text = ReadText(sourceElement, problems);
                if (kind is { } k && text is not null)
                {
                    source = new SourceDocument(k, text);
                }
            }

            if (problems.Count > 0 || accountId is null || liabilityType is null || source is null)
            {
                return ParsedLine.Invalid(accountId, string.Join("; ", problems));
            }

            return new ParsedLine(new BatchItem(accountId, liabilityType.Value, lender, asOf, source), accountId, null);
        }
    }

    private static string? ReadAccountId(JsonElement root, List<string> problems)
    {
        if (!root.TryGetProperty("accountId", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            problems.Add("accountId is required");
            return null;
        }

        if (element.ValueKind != JsonValueKind.String || !AccountIdPattern().IsMatch(element.GetString()!))
        {
            problems.Add($"accountId must be 1–{MaxAccountIdLength} characters of A-Z a-z 0-9 . _ -, not only dots");
            return null;
        }

        return element.GetString();
    }

    private static TEnum? ReadEnum<TEnum>(JsonElement parent, string property, string path, string allowed, List<string> problems)
        where TEnum : struct, Enum
    {
        if (!parent.TryGetProperty(property, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            problems.Add($"{path} is required");
            return null;
        }

        if (element.ValueKind == JsonValueKind.String && ContractJson.TryParseWireName<TEnum>(element.GetString(), out var value))
        {
            return value;
        }

        problems.Add($"{path} must be one of {allowed}");
        return null;
    }

    private static string? ReadOptionalString(JsonElement root, string property, int maxLength, List<string> problems)
    {
        if (!root.TryGetProperty(property, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String || element.GetString()!.Length > maxLength)
        {
            problems.Add($"{property} must be a string of at most {maxLength} characters");
            return null;
        }

        return element.GetString();
    }

    private static DateOnly? ReadOptionalDate(JsonElement root, string property, List<string> problems)
    {
        if (!root.TryGetProperty(property, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add($"{property} must be a date in yyyy-MM-dd form");
        return null;
    }

    private static string? ReadText(JsonElement source, List<string> problems)
    {
        if (!source.TryGetProperty("text", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            problems.Add("source.text is required");
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            problems.Add("source.text must be a string");
            return null;
        }

        var text = element.GetString()!;
        if (text.Length is 0 or > MaxTextLength)
        {
            problems.Add($"source.text must be 1–{MaxTextLength:N0} characters (it has {text.Length:N0})");
            return null;
        }

        return text;
    }

    [GeneratedRegex(@"\A(?!\.+\z)[A-Za-z0-9._-]{1,128}\z", RegexOptions.CultureInvariant)]
    private static partial Regex AccountIdPattern();
}
