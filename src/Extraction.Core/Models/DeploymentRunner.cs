using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Models;

/// <summary>
/// Calls one deployment for one account within its deadline: a rate limit or server error is retried
/// after the server's <c>retry-after-ms</c>/<c>retry-after</c> (or a short backoff) only while that
/// wait still ends before the deadline, and at most <c>Model:MaxAttemptsPerDeployment</c> times.
/// Unusable output, a timeout or a rejected request is not retried on the same deployment.
/// </summary>
[Singleton]
public sealed class DeploymentRunner(IDeploymentClient call, IOptions<ModelOptions> options, TimeProvider time, ILogger<DeploymentRunner> logger)
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(200);

    public async Task<DeploymentOutcome> RunAsync(
        string deployment, TimeSpan timeout, ExtractionRequest request, List<ModelAttempt> attempts, AttemptBudget? budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var ends = time.GetUtcNow() + timeout;
        var maxAttempts = options.Value.MaxAttemptsPerDeployment;

        for (var attempt = 1; ; attempt++)
        {
            var reservation = budget is null ? null : await budget.ReserveAsync(deployment, cancellationToken).ConfigureAwait(false);
            if (reservation is { Granted: false })
            {
                return new DeploymentOutcome(null, $"{deployment}: not called, {reservation.DeniedBy!.Name} has no room", StopFallback: false, reservation.DeniedBy.Name);
            }

            CallResult result;
            try
            {
                result = await call.SendAsync(deployment, request, deadline.Token, cancellationToken).ConfigureAwait(false);
            }
            catch when (reservation is not null)
            {
                budget!.Settle(reservation, 0m);
                throw;
            }

            if (reservation is not null)
            {
                budget!.Settle(reservation, result.Attempt.CostUsd);
            }

            attempts.Add(result.Attempt);
            logger.LogDebug(
                "Model call {Attempt} to {Deployment} ended {Outcome} (status {StatusCode}) in {LatencyMs} ms, {PromptTokens}+{CompletionTokens} tokens",
                attempt, deployment, result.Attempt.Outcome, result.Attempt.StatusCode, result.Attempt.LatencyMs,
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
            if (time.GetUtcNow() + wait >= ends)
            {
                return new DeploymentOutcome(null, $"{deployment}: {result.Attempt.Error}, and a retry after {wait.TotalMilliseconds:F0} ms would pass the {timeout.TotalMilliseconds:F0} ms deadline", StopFallback: false);
            }

            try
            {
                await Task.Delay(wait, time, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new DeploymentOutcome(null, $"{deployment}: deadline passed while waiting to retry", StopFallback: false);
            }
        }
    }
}
