using Extraction.Core.Contracts;

namespace Extraction.ModelEmulator;

/// <summary>How the emulator answers one chat-completion call.</summary>
public abstract record Behaviour
{
    public static Behaviour Good { get; } = new GoodAnswer(TimeSpan.Zero);

    public static Behaviour Slow(TimeSpan delay) => new GoodAnswer(delay);

    public static Behaviour RateLimited(int retryAfterMs) => new RateLimitedAnswer(retryAfterMs, InSeconds: false);

    public static Behaviour RateLimitedSeconds(int retryAfterSeconds) => new RateLimitedAnswer(retryAfterSeconds * 1000, InSeconds: true);

    public static Behaviour ServerError(int status = 500) => new ServerErrorAnswer(status);

    public static Behaviour PromptFiltered { get; } = new PromptFilteredAnswer();

    public static Behaviour CompletionFiltered { get; } = new CompletionFilteredAnswer();

    /// <summary>Answers with this assistant content verbatim (malformed or schema-breaking JSON).</summary>
    public static Behaviour Raw(string content) => new RawContentAnswer(content);

    /// <summary>Answers with the right fields changed by <paramref name="corrupt"/>.</summary>
    public static Behaviour Corrupt(Func<ExtractedFields, ExtractedFields> corrupt) => new CorruptedAnswer(corrupt);
}

public sealed record GoodAnswer(TimeSpan Delay) : Behaviour;

public sealed record RateLimitedAnswer(int RetryAfterMs, bool InSeconds) : Behaviour;

public sealed record ServerErrorAnswer(int Status) : Behaviour;

public sealed record PromptFilteredAnswer : Behaviour;

public sealed record CompletionFilteredAnswer : Behaviour;

public sealed record RawContentAnswer(string Content) : Behaviour;

public sealed record CorruptedAnswer(Func<ExtractedFields, ExtractedFields> Transform) : Behaviour;
