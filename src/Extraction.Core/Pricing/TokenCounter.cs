using Extraction.Core.Configuration;
using Microsoft.ML.Tokenizers;

namespace Extraction.Core.Pricing;

/// <summary>
/// Counts tokens with the o200k vocabulary (GPT-4o family), offline: the data ships in a package.
/// A chat example costs its contents plus a few tokens per message and for the reply's priming.
/// </summary>
[Singleton]
public sealed class TokenCounter
{
    private const int PerMessage = 3;
    private const int Priming = 3;
    private readonly Tokenizer _tokenizer = TiktokenTokenizer.CreateForEncoding("o200k_base");

    public int Count(string text) => _tokenizer.CountTokens(text);

    public int CountChat(IEnumerable<string> messages) => messages.Sum(m => Count(m) + PerMessage) + Priming;
}
