namespace Extraction.ModelEmulator;

/// <summary>Token counts the emulator reports for a deployment instead of its estimate.</summary>
public sealed record EmulatedUsage(int PromptTokens, int CompletionTokens, int CachedTokens = 0);
