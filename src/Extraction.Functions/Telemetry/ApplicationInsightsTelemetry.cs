using Extraction.Core.Activities;
using Extraction.Core.Contracts;
using Extraction.Core.Quota;
using Microsoft.ApplicationInsights;

namespace Extraction.Functions.Telemetry;

/// <summary>
/// Pipeline metrics as Application Insights custom metrics, pre-aggregated by the SDK (GetMetric), so
/// 16 million calls a day cost a few metric items a minute. Dimensions are ids and names only.
/// </summary>
public sealed class ApplicationInsightsTelemetry(TelemetryClient client) : IPipelineTelemetry, IQuotaTelemetry
{
    public const string ModelCallLatency = "ModelCallLatencyMs";
    public const string ModelCallPromptTokens = "ModelCallPromptTokens";
    public const string ModelCallCompletionTokens = "ModelCallCompletionTokens";
    public const string ModelCallCost = "ModelCallCostUsd";
    public const string BatchAccounts = "BatchAccounts";
    public const string BatchCost = "BatchCostUsd";
    public const string BatchDuration = "BatchDurationMs";
    public const string QuotaWaiting = "QuotaWaitingCalls";
    public const string QuotaInFlight = "QuotaInFlightCalls";
    public const string QuotaLimit = "QuotaRequestsPerMinute";
    public const string QuotaRateLimited = "QuotaRateLimitedCalls";

    /// <summary>
    /// One tracker at a time: values tracked at once from many activities onto a series not yet created were
    /// seen lost (17 of 21 counted under a loaded test run); a lock costs well under a microsecond a call.
    /// </summary>
    private readonly Lock _tracking = new();

    public void ModelCall(string partner, ModelAttempt attempt, ResultStatus accountStatus)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var status = ContractJson.WireName(accountStatus);
        Track(ModelCallLatency, attempt.LatencyMs, attempt.Model, partner, attempt.Outcome, status);
        Track(ModelCallPromptTokens, attempt.Usage.PromptTokens, attempt.Model, partner, attempt.Outcome, status);
        Track(ModelCallCompletionTokens, attempt.Usage.CompletionTokens, attempt.Model, partner, attempt.Outcome, status);
        Track(ModelCallCost, (double)attempt.CostUsd, attempt.Model, partner, attempt.Outcome, status);
    }

    public void BatchCompleted(BatchRef batch, BatchSummary summary, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(summary);
        foreach (var status in Enum.GetValues<ResultStatus>())
        {
            var count = status switch
            {
                ResultStatus.Extracted => summary.Counts.Extracted,
                ResultStatus.NeedsReview => summary.Counts.NeedsReview,
                ResultStatus.InvalidInput => summary.Counts.InvalidInput,
                ResultStatus.OverBudget => summary.Counts.OverBudget,
                _ => summary.Counts.Failed,
            };
            lock (_tracking)
            {
                client.GetMetric(BatchAccounts, "Partner", "Status").TrackValue(count, batch.Partner, ContractJson.WireName(status));
            }
        }

        lock (_tracking)
        {
            client.GetMetric(BatchCost, "Partner").TrackValue((double)summary.CostUsd, batch.Partner);
            client.GetMetric(BatchDuration, "Partner").TrackValue(duration.TotalMilliseconds, batch.Partner);
        }
    }

    public void Sample(QuotaSnapshot snapshot, long rateLimitedSinceLast)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_tracking)
        {
            client.GetMetric(QuotaWaiting, "Deployment").TrackValue(snapshot.Waiting, snapshot.Deployment);
            client.GetMetric(QuotaInFlight, "Deployment").TrackValue(snapshot.InFlight, snapshot.Deployment);
            client.GetMetric(QuotaLimit, "Deployment").TrackValue(snapshot.RequestsPerMinute, snapshot.Deployment);
            client.GetMetric(QuotaRateLimited, "Deployment").TrackValue(rateLimitedSinceLast, snapshot.Deployment);
        }
    }

    private void Track(string metric, double value, string deployment, string partner, string outcome, string status)
    {
        lock (_tracking)
        {
            client.GetMetric(metric, "Deployment", "Partner", "Outcome", "Status").TrackValue(value, deployment, partner, outcome, status);
        }
    }
}
