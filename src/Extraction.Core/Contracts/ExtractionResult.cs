namespace Extraction.Core.Contracts;

/// <summary>result.v1: the one terminal record of an input line.</summary>
public sealed record ExtractionResult
{
    public required string AccountId { get; init; }
    public required ResultStatus Status { get; init; }
    public ExtractedFields? Fields { get; init; }
    public IReadOnlyList<CheckResult> Checks { get; init; } = [];
    public string? Reason { get; init; }
    public string? Model { get; init; }
    public int Attempts { get; init; }
    public long LatencyMs { get; init; }
    public TokenUsage Usage { get; init; } = TokenUsage.None;
    public decimal CostUsd { get; init; }
    public string? RawOutput { get; init; }

    public static ExtractionResult Invalid(string accountId, string reason) =>
        new() { AccountId = accountId, Status = ResultStatus.InvalidInput, Reason = reason };
}

/// <summary>
/// One check of an answer. A check that cannot judge (the document does not let it read what it needs) passes
/// with <see cref="Abstained"/> set and says why: it never accuses an answer it could not read.
/// </summary>
public sealed record CheckResult(string Name, bool Passed, string? Detail)
{
    /// <summary>The check could not judge the answer: it passes, and <see cref="Detail"/> says why.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool Abstained { get; init; }

    /// <summary>
    /// A failure that is a doubt, not a finding: a second reading that gives the same values for its
    /// <see cref="Fields"/> settles it (see docs/quality.md, "What agreement means").
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool Soft { get; init; }

    /// <summary>A soft failure a second reading settled: it passes, and says whose readings agreed.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool Settled { get; init; }

    /// <summary>The fields the outcome is about (those in doubt where it failed); empty where it is about the answer as a whole.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Fields { get; init; }

    public static CheckResult CouldNotJudge(string name, string why, IReadOnlyList<string>? fields = null) =>
        new(name, true, $"could not judge: {why}") { Abstained = true, Fields = fields };
}

public sealed record TokenUsage(int PromptTokens, int CompletionTokens)
{
    public static TokenUsage None { get; } = new(0, 0);

    public TokenUsage Add(TokenUsage other) =>
        new(PromptTokens + other.PromptTokens, CompletionTokens + other.CompletionTokens);
}
