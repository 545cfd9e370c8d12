using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using Extraction.Core.Contracts;
using Extraction.Core.Pricing;
using Extraction.Core.Prompting;
using OpenAI.Chat;

namespace Extraction.Core.Models.OpenAI;

/// <summary>
/// The Azure OpenAI (and OpenAI-compatible) adapter of the model seam: one chat-completion call for one
/// account with structured outputs, classified by how it ended. Never throws for anything the model or
/// its server does; only the caller's own cancellation escapes.
/// </summary>
public sealed class ChatCall(ChatClients clients, PriceTable prices, TimeProvider time) : IDeploymentClient
{
    public async Task<CallResult> SendAsync(string deployment, ExtractionRequest request, CancellationToken deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        long Elapsed() => (long)time.GetElapsedTime(started).TotalMilliseconds;
        CallResult Failed(string outcome, int? status, string? body, string error, TimeSpan? retryAfter = null) =>
            new(new ModelAttempt(deployment, outcome, status, startedAt, Elapsed(), TokenUsage.None, 0m, ExtractionPrompt.Version, request.Json, body, error), null, retryAfter);

        ClientResult<ChatCompletion> result;
        try
        {
            result = await clients.For(deployment).CompleteChatAsync(Messages(request), Options(request), deadline).ConfigureAwait(false);
        }
        catch (ClientResultException ex)
        {
            var response = ex.GetRawResponse();
            var body = response?.Content?.ToString();
            return ex.Status switch
            {
                429 => Failed(AttemptOutcomes.RateLimited, 429, body, "rate limited (429)", RetryAfter(response)),
                400 when body?.Contains("content_filter", StringComparison.Ordinal) == true =>
                    Failed(AttemptOutcomes.PromptFiltered, 400, body, "the prompt was rejected by the content filter"),
                408 or >= 500 => Failed(AttemptOutcomes.ServerError, ex.Status, body, $"server error ({ex.Status})", RetryAfter(response)),
                0 => Failed(AttemptOutcomes.NetworkError, null, null, "no response from the server"),
                _ => Failed(AttemptOutcomes.Rejected, ex.Status, body, $"the request was rejected ({ex.Status})"),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(AttemptOutcomes.Timeout, null, null, "no answer before the deadline");
        }
        catch (HttpRequestException)
        {
            return Failed(AttemptOutcomes.NetworkError, null, null, "the connection to the model failed");
        }

        var completion = result.Value;
        var raw = result.GetRawResponse();
        var usage = completion.Usage;
        var tokens = new TokenUsage(usage?.InputTokenCount ?? 0, usage?.OutputTokenCount ?? 0);
        var cost = prices.Cost(deployment, tokens.PromptTokens, usage?.InputTokenDetails?.CachedTokenCount ?? 0, tokens.CompletionTokens);
        var attempt = new ModelAttempt(deployment, AttemptOutcomes.Ok, raw.Status, startedAt, Elapsed(), tokens, cost, ExtractionPrompt.Version,
            request.Json, raw.Content.ToString(), null);

        if (completion.FinishReason == ChatFinishReason.ContentFilter)
        {
            return new(attempt with { Outcome = AttemptOutcomes.CompletionFiltered, Error = "the answer was cut by the content filter" }, null, null);
        }

        var text = completion.Content.Count > 0 ? completion.Content[0].Text : null;
        attempt = attempt with { Answer = text };
        return AnswerParser.TryParse(text, out var fields, out var problem)
            ? new(attempt, fields, null)
            : new(attempt with { Outcome = AttemptOutcomes.InvalidOutput, Error = $"unusable answer: {problem}" }, null, null);
    }

    private static ChatMessage[] Messages(ExtractionRequest request) =>
        [new SystemChatMessage(request.SystemMessage), new UserChatMessage(request.UserMessage)];

    private static ChatCompletionOptions Options(ExtractionRequest request) => new()
    {
        Temperature = 0,
        MaxOutputTokenCount = request.MaxOutputTokens,
        ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(FieldsSchema.Name, FieldsSchema.Json, jsonSchemaIsStrict: true),
    };

    /// <summary>Azure sends <c>retry-after-ms</c>; others send <c>retry-after</c> in seconds or as a date.</summary>
    private TimeSpan? RetryAfter(PipelineResponse? response)
    {
        if (response is null)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return TimeSpan.FromMilliseconds(Math.Max(0, milliseconds));
        }

        if (response.Headers.TryGetValue("retry-after", out var after))
        {
            if (double.TryParse(after, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(Math.Max(0, seconds));
            }

            if (DateTimeOffset.TryParse(after, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                var wait = at - time.GetUtcNow();
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return null;
    }
}
