using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Extraction.Core.Checks;
using Extraction.Core.Contracts;

namespace Extraction.Tooling.Evaluation;

/// <summary>
/// Makes a deterministic share of a deployment's answers wrong in the five ways a student goes wrong:
/// a number the document never states, a different number from the document, a dropped field,
/// malformed JSON, and a wrong type. Which documents and which kind follow from a hash of the
/// document and the seed, so concurrency does not change the outcome.
/// </summary>
public sealed class Corruption(double share, int seed)
{
    public static readonly string[] Kinds = ["invented_number", "other_number", "dropped_field", "malformed_json", "wrong_type"];

    /// <summary>The assistant content to send instead of <paramref name="right"/>, or null to answer right.</summary>
    public string? Apply(ExtractedFields right, string document)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{document}"));
        if (BitConverter.ToUInt32(hash, 0) / (double)uint.MaxValue >= share)
        {
            return null;
        }

        return Apply(Kinds[BitConverter.ToUInt32(hash, 4) % (uint)Kinds.Length], right, document, BitConverter.ToUInt32(hash, 8));
    }

    /// <summary>The assistant content for <paramref name="right"/> made wrong in the way <paramref name="kind"/> names; <paramref name="pick"/> chooses the field.</summary>
    public static string Apply(string kind, ExtractedFields right, string document, uint pick = 0)
    {
        ArgumentNullException.ThrowIfNull(right);
        var stated = FieldCatalog.Stated(right).ToList();
        var index = (int)(pick % (uint)Math.Max(1, stated.Count));
        return kind switch
        {
            "invented_number" => ContractJson.Serialize(Invent(right, stated)),
            "other_number" => ContractJson.Serialize(OtherNumber(right, document) ?? Invent(right, stated)),
            "dropped_field" => ContractJson.Serialize(stated.Count == 0 ? Invent(right, stated) : Set(right, stated[index].Field.Name, null)),
            "malformed_json" => ContractJson.Serialize(right)[..^7],
            "wrong_type" => WrongType(right),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"Not one of {string.Join(", ", Kinds)}."),
        };
    }

    /// <summary>A number in [0, 1) that follows from <paramref name="key"/> alone, for choices that must not depend on order.</summary>
    public static double Chance(string key) => BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0) / ((double)uint.MaxValue + 1);

    /// <summary>Which kind of corruption <see cref="Apply(Extraction.Core.Contracts.ExtractedFields, string)"/> makes for a document, or null where it answers right.</summary>
    public string? KindFor(string document)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{document}"));
        return BitConverter.ToUInt32(hash, 0) / (double)uint.MaxValue >= share ? null : Kinds[BitConverter.ToUInt32(hash, 4) % (uint)Kinds.Length];
    }

    /// <summary>An amount written as a string, the way a model copies it from the page.</summary>
    private static string WrongType(ExtractedFields right)
    {
        var json = JsonNode.Parse(ContractJson.Serialize(right))!.AsObject();
        var amount = FieldCatalog.Stated(right).FirstOrDefault(s => s.Field.Kind == FieldKind.Amount);
        if (amount.Field is null)
        {
            json["accountLast4"] = 1234;
        }
        else
        {
            json[amount.Field.Name] = ((decimal)amount.Value).ToString("$#,##0.00", CultureInfo.InvariantCulture);
        }

        return json.ToJsonString();
    }

    private static ExtractedFields Invent(ExtractedFields right, List<(FieldInfo Field, object Value)> stated)
    {
        var amount = stated.FirstOrDefault(s => s.Field.Kind == FieldKind.Amount);
        return amount.Field is null
            ? right with { PayoffAmount = 4_321.09m }
            : Set(right, amount.Field.Name, Math.Round((decimal)amount.Value * 1.07m + 3.21m, 2));
    }

    /// <summary>Swaps an amount for another amount the document states (the principal for the payoff, say).</summary>
    private static ExtractedFields? OtherNumber(ExtractedFields right, string document)
    {
        var stated = DocumentFacts.Of(document).Amounts.Where(a => a > 1m).ToList();
        foreach (var (field, value) in FieldCatalog.Stated(right).Where(s => s.Field.Kind == FieldKind.Amount))
        {
            var other = stated.Where(a => a != (decimal)value).OrderBy(a => Math.Abs(a - (decimal)value)).FirstOrDefault();
            if (other != 0m)
            {
                return Set(right, field.Name, other);
            }
        }

        return null;
    }

    private static ExtractedFields Set(ExtractedFields fields, string name, object? value) =>
        (FieldCatalog.Named(name) ?? throw new ArgumentOutOfRangeException(nameof(name), name, "Not a fields.v1 field.")).With(fields, value);
}
