using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Pricing;
using Extraction.Core.Quota;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Models;

/// <summary>
/// Calls one deployment for one account within its <see cref="CallWindow"/>: each call first takes a slot at the
/// deployment's <see cref="QuotaGate"/> (the wait counts against the account's deadline, not the call time; a slot
/// that cannot come in time ends the account's turn here as saturated). A rate limit or server error is retried after
/// the server's <c>retry-after-ms</c>/<c>retry-after</c> (or a short backoff) only while that wait still ends within
/// the call time, and at most <c>Model:MaxAttemptsPerDeployment</c> times; a 429 waits at the gate, which holds every
/// call to the deployment for the server's wait. Unusable output, a timeout or a rejected request is not retried on the same deployment.
/// </summary>
[Singleton]
public sealed class DeploymentRunner(IDeploymentClient call, QuotaGates gates, TokenCounter tokens, IOptions<ModelOptions> options, TimeProvider time, ILogger<DeploymentRunner> logger)
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(200);

    public async Task<DeploymentOutcome> RunAsync(
        string deployment, CallWindow window, ExtractionRequest request, List<ModelAttempt> attempts, AttemptBudget? budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(attempts);
        var gate = gates.For(deployment);
        var promptTokens = gate is null ? 0 : tokens.CountChat([request.SystemMessage, request.UserMessage]);
        var callTimeLeft = window.CallTime;
        var maxAttempts = options.Value.MaxAttemptsPerDeployment;

        for (var attempt = 1; ; attempt++)
        {
            var reservation = budget is null ? null : await budget.ReserveAsync(deployment, cancellationToken).ConfigureAwait(false);
            if (reservation is { Granted: false })
            {
                return new DeploymentOutcome(null, $"{deployment}: not called, {reservation.DeniedBy!.Name} has no room", StopFallback: false, reservation.DeniedBy.Name);
            }

            QuotaSlot? slot = null;
            CallResult result;
            try
            {
                if (gate is not null
                    && (slot = await gate.AcquireAsync(promptTokens, request.MaxOutputTokens, window.Lane, window.Deadline, cancellationToken).ConfigureAwait(false)) is null)
                {
                    budget?.Settle(reservation!, 0m);
                    return new DeploymentOutcome(null, $"{deployment}: saturated, no slot at the deployment could come before the account's deadline", StopFallback: false);
                }

                var callTime = Min(callTimeLeft, window.Deadline - time.GetUtcNow());
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                deadline.CancelAfter(callTime > TimeSpan.Zero ? callTime : TimeSpan.Zero);
                result = await call.SendAsync(deployment, request, deadline.Token, cancellationToken).ConfigureAwait(false);
            }
            catch when (reservation is not null || slot is not null)
            {
                slot?.Dispose();
                budget?.Settle(reservation!, 0m);
                throw;
            }

            slot?.Complete(result.Attempt, result.RetryAfter);
            callTimeLeft -= TimeSpan.FromMilliseconds(result.Attempt.LatencyMs);
            if (reservation is not null)
            {
                budget!.Settle(reservation, result.Attempt.CostUsd);
            }

            attempts.Add(result.Attempt);
            logger.LogDebug(
                "Model call {Attempt} to {Deployment} ended {Outcome} (status {StatusCode}) in {LatencyMs} ms after {WaitedMs} ms for a slot, {PromptTokens}+{CompletionTokens} tokens",
                attempt, deployment, result.Attempt.Outcome, result.Attempt.StatusCode, result.Attempt.LatencyMs, (long)(slot?.Waited.TotalMilliseconds ?? 0),
                result.Attempt.Usage.PromptTokens, result.Attempt.Usage.CompletionTokens);

            if (result.Fields is not null)
            {
                return new DeploymentOutcome(result.Fields, null, StopFallback: false);
            }

            if (result.Attempt.Outcome == AttemptOutcomes.PromptFiltered)
            {
                return new DeploymentOutcome(null, $"{deployment}: {result.Attempt.Error}", StopFallback: true);
            }

            if (!result.IsRetryable)
            {
                return new DeploymentOutcome(null, $"{deployment}: {result.Attempt.Error}", StopFallback: false);
            }

            if (attempt >= maxAttempts)
            {
                return new DeploymentOutcome(null, $"{deployment}: {result.Attempt.Error}, {attempt} attempts", StopFallback: false);
            }

            var wait = result.RetryAfter ?? FirstBackoff * Math.Pow(2, attempt - 1);
            var left = Min(callTimeLeft, window.Deadline - time.GetUtcNow());
            if (wait >= left)
            {
                return new DeploymentOutcome(null, $"{deployment}: {result.Attempt.Error}, and a retry after {wait.TotalMilliseconds:F0} ms would pass the {window.CallTime.TotalMilliseconds:F0} ms deadline", StopFallback: false);
            }

            if (gate is not null && result.Attempt.Outcome == AttemptOutcomes.RateLimited)
            {
                continue; // the gate holds every call to the deployment for the server's wait, and the next slot comes after it
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            callTimeLeft -= wait;
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
