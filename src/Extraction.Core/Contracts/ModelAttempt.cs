
namespace Extraction.Core.Contracts;

/// <summary>
/// One model call as the raw record keeps it: what was sent (never credentials), what came back or
/// went wrong, how long it took and what it cost.
/// </summary>
/// <param name="Model">The deployment (or rules version) called.</param>
/// <param name="Outcome">ok, rate_limited, server_error, network_error, timeout, prompt_filtered, completion_filtered, invalid_output, rejected.</param>
/// <param name="StatusCode">The HTTP status, where there was a response.</param>
/// <param name="StartedAt">When the call started.</param>
/// <param name="LatencyMs">How long the call took.</param>
/// <param name="Usage">Tokens the response reports (none where there was no response).</param>
/// <param name="CostUsd">What those tokens cost at the deployment's price.</param>
/// <param name="PromptVersion">The prompt that was sent; null for the rules.</param>
/// <param name="Request">The request as sent, as JSON.</param>
/// <param name="Response">The response body, or the error body.</param>
/// <param name="Error">Why the attempt did not give a usable answer, in words.</param>
/// <param name="Answer">The answer as the model wrote it (the message content), whatever the provider; null without one.</param>
public sealed record ModelAttempt(
    string Model,
    string Outcome,
    int? StatusCode,
    DateTimeOffset StartedAt,
    long LatencyMs,
    TokenUsage Usage,
    decimal CostUsd,
    string? PromptVersion,
    string Request,
    string? Response,
    string? Error,
    string? Answer = null);

/// <summary>The outcomes of a model call, as recorded in raw records and metrics.</summary>
public static class AttemptOutcomes
{
    public const string Ok = "ok";
    public const string RateLimited = "rate_limited";
    public const string ServerError = "server_error";
    public const string NetworkError = "network_error";
    public const string Timeout = "timeout";
    public const string PromptFiltered = "prompt_filtered";
    public const string CompletionFiltered = "completion_filtered";
    public const string InvalidOutput = "invalid_output";
    public const string Rejected = "rejected";
}
