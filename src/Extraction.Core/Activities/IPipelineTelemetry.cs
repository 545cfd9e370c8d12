using Extraction.Core.Contracts;

namespace Extraction.Core.Activities;

/// <summary>
/// The numbers operators watch: every model call (latency, tokens, cost, outcome by deployment,
/// partner and the account's status) and every batch (accounts by status, spent, duration).
/// Implementations get ids and numbers only — never document text, account numbers or keys.
/// </summary>
public interface IPipelineTelemetry
{
    void ModelCall(string partner, ModelAttempt attempt, ResultStatus accountStatus);

    void BatchCompleted(BatchRef batch, BatchSummary summary, TimeSpan duration);
}

/// <summary>Where no telemetry backend is configured (the CLI, tests that do not look).</summary>
public sealed class NoPipelineTelemetry : IPipelineTelemetry
{
    public void ModelCall(string partner, ModelAttempt attempt, ResultStatus accountStatus)
    {
    }

    public void BatchCompleted(BatchRef batch, BatchSummary summary, TimeSpan duration)
    {
    }
}
