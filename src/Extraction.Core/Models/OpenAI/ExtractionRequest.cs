using Extraction.Core.Contracts;
using Extraction.Core.Prompting;
using OpenAI.Chat;

namespace Extraction.Core.Models.OpenAI;

/// <summary>The chat request for one account — the same for every deployment and attempt — and its JSON for the raw record.</summary>
public sealed class ExtractionRequest
{
    private ExtractionRequest(IReadOnlyList<ChatMessage> messages, ChatCompletionOptions options, string json) =>
        (Messages, Options, Json) = (messages, options, json);

    public IReadOnlyList<ChatMessage> Messages { get; }

    public ChatCompletionOptions Options { get; }

    /// <summary>What is sent, minus the transport (and so minus any credential).</summary>
    public string Json { get; }

    public static ExtractionRequest For(BatchItem item, int maxOutputTokens)
    {
        var user = ExtractionPrompt.UserMessage(item);
        var options = new ChatCompletionOptions
        {
            Temperature = 0,
            MaxOutputTokenCount = maxOutputTokens,
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(FieldsSchema.Name, FieldsSchema.Json, jsonSchemaIsStrict: true),
        };
        var json = ContractJson.Serialize(new
        {
            promptVersion = ExtractionPrompt.Version,
            messages = new[] { new { role = "system", content = ExtractionPrompt.SystemMessage }, new { role = "user", content = user } },
            temperature = 0,
            maxOutputTokens,
            responseFormat = new { type = "json_schema", name = FieldsSchema.Name, strict = true },
        });
        return new ExtractionRequest([new SystemChatMessage(ExtractionPrompt.SystemMessage), new UserChatMessage(user)], options, json);
    }
}
