using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Extraction.Core.Contracts;

namespace Extraction.Core.Prompting;

/// <summary>
/// The strict JSON schema of fields.v1 for structured outputs, generated from <see cref="ExtractedFields"/>:
/// every key required, each value nullable, no other keys. Strict mode checks types only, so formats
/// and ranges are still checked by <see cref="AnswerParser"/>.
/// </summary>
public static class FieldsSchema
{
    public const string Name = "fields_v1";

    public static BinaryData Json { get; } = BinaryData.FromString(Build().ToJsonString());

    internal static JsonObject Build()
    {
        var schema = (JsonObject)ContractJson.Options.GetJsonSchemaAsNode(typeof(ExtractedFields), new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) =>
            {
                // Strict mode rejects "format"; describe the date form instead.
                if (node is JsonObject property && property.Remove("format"))
                {
                    property["description"] = "a date, yyyy-MM-dd";
                }

                if (context.PropertyInfo?.Name == "accountLast4" && node is JsonObject last4)
                {
                    last4["description"] = "exactly four digits";
                }

                return node;
            },
        });
        var properties = (JsonObject)schema["properties"]!;
        schema["required"] = new JsonArray([.. properties.Select(p => JsonValue.Create(p.Key))]);
        schema["additionalProperties"] = false;
        return schema;
    }
}
