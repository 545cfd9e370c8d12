using System.Text.Json.Nodes;
using Extraction.Core.Contracts;

namespace Extraction.Core.Tests;

/// <summary>A fields.v1 object as a model would write it: every key of <see cref="FieldCatalog"/>, null unless given.</summary>
internal static class FieldsJson
{
    /// <param name="stated">Field name and its JSON value (a number, a string, or anything a model might wrongly send).</param>
    public static string Of(params (string Name, object? Value)[] stated)
    {
        var unknown = stated.Select(s => s.Name).Where(n => FieldCatalog.Named(n) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Not fields.v1: {string.Join(", ", unknown)}", nameof(stated));
        }

        var json = new JsonObject();
        foreach (var field in FieldCatalog.All)
        {
            var value = stated.FirstOrDefault(s => s.Name == field.Name).Value;
            json[field.Name] = value is null ? null : JsonValue.Create(value);
        }

        return json.ToJsonString();
    }
}
