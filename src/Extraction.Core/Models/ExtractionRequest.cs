using Extraction.Core.Contracts;
using Extraction.Core.Prompting;

namespace Extraction.Core.Models;

/// <summary>
/// The request for one account — the same for every deployment, attempt and provider: the prompt's two
/// messages, the completion cap, an answer in the strict fields.v1 schema (<see cref="FieldsSchema"/>),
/// temperature 0. <see cref="Json"/> is what the raw record keeps of it.
/// </summary>
public sealed record ExtractionRequest(string SystemMessage, string UserMessage, int MaxOutputTokens, string Json)
{
    public static ExtractionRequest For(BatchItem item, int maxOutputTokens)
    {
        var user = ExtractionPrompt.UserMessage(item);
        var json = ContractJson.Serialize(new
        {
            promptVersion = ExtractionPrompt.Version,
            messages = new[] { new { role = "system", content = ExtractionPrompt.SystemMessage }, new { role = "user", content = user } },
            temperature = 0,
            maxOutputTokens,
            responseFormat = new { type = "json_schema", name = FieldsSchema.Name, strict = true },
        });
        return new ExtractionRequest(ExtractionPrompt.SystemMessage, user, maxOutputTokens, json);
    }
}
