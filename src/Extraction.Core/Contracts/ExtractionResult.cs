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
