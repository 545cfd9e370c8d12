using System.Text;
using System.Text.Json;
using Extraction.Core.Prompting;

namespace Extraction.IntegrationTests.TestKit;

/// <summary>
/// The rules an Azure OpenAI chat fine-tuning file must keep, checked line by line: UTF-8 with a BOM,
/// under 512 MB, at least the minimum number of examples, each line a JSON object with exactly one key,
/// <c>messages</c>: system (the prompt's), user (the prompt's form, redacted), assistant (fields.v1).
/// </summary>
internal static class FineTuningFormat
{
    public const long MaxBytes = 512L * 1024 * 1024;

    /// <summary>Every problem of a file; empty when it is good. Returns the user messages it holds.</summary>
    public static (List<string> Problems, List<string> UserMessages) Check(string path, int minExamples)
    {
        var problems = new List<string>();
        var users = new List<string>();
        var bytes = File.ReadAllBytes(path);
        if (!bytes.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()))
        {
            problems.Add("no UTF-8 byte-order mark");
        }

        if (bytes.LongLength >= MaxBytes)
        {
            problems.Add($"{bytes.LongLength} bytes, over 512 MB");
        }

        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length < minExamples)
        {
            problems.Add($"{lines.Length} examples, fewer than {minExamples}");
        }

        foreach (var (line, number) in lines.Select((l, i) => (l, i + 1)))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.EnumerateObject().Select(p => p.Name).SingleOrDefault() != "messages")
            {
                problems.Add($"line {number}: keys other than messages");
                continue;
            }

            var messages = root.GetProperty("messages").EnumerateArray().ToList();
            if (messages.Select(m => m.GetProperty("role").GetString()).SequenceEqual(["system", "user", "assistant"]) is false)
            {
                problems.Add($"line {number}: roles are not system, user, assistant");
                continue;
            }

            var (system, user, assistant) = (Content(messages[0]), Content(messages[1]), Content(messages[2]));
            if (system != ExtractionPrompt.SystemMessage)
            {
                problems.Add($"line {number}: the system message is not the prompt's");
            }

            if (!user.Contains(ExtractionPrompt.DocumentMarker, StringComparison.Ordinal) || user != Redaction.Apply(user))
            {
                problems.Add($"line {number}: the user message is not in the prompt's redacted form");
            }

            if (!AnswerParser.TryParse(assistant, out _, out var problem))
            {
                problems.Add($"line {number}: the assistant message is not fields.v1 ({problem})");
            }

            users.Add(user);
        }

        return (problems, users);
    }

    private static string Content(JsonElement message) => message.GetProperty("content").GetString() ?? "";
}
