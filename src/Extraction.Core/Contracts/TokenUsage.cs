namespace Extraction.Core.Contracts;

public sealed record TokenUsage(int PromptTokens, int CompletionTokens)
{
    public static TokenUsage None { get; } = new(0, 0);

    public TokenUsage Add(TokenUsage other) =>
        new(PromptTokens + other.PromptTokens, CompletionTokens + other.CompletionTokens);
}
