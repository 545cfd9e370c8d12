using Extraction.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Flywheel;

/// <summary>
/// <see cref="ModelState.Evaluating"/>: once the candidate has its shadow sample (or waited long enough for it),
/// the gate compares it with the student on the gold set: <see cref="ModelState.Passed"/> or <see cref="ModelState.Refused"/>.
/// </summary>
[Singleton(As = typeof(IModelStep))]
public sealed class GateCandidate(
    EvaluationGate gate,
    ShadowLedger shadow,
    StudentPointer student,
    ModelRegistry registry,
    IOptions<TrainingOptions> options,
    IOptions<ModelOptions> modelOptions,
    TimeProvider time) : IModelStep
{
    public ModelState From => ModelState.Evaluating;

    public async Task<ModelRecord> RunAsync(ModelRecord record, CancellationToken cancellationToken)
    {
        if (await WaitsForShadowAsync(record, cancellationToken).ConfigureAwait(false))
        {
            return record;
        }

        var active = await student.ReadAsync(cancellationToken).ConfigureAwait(false);
        var decision = await gate.DecideAsync(record.Id, active.Deployment, record.Deployment!, cancellationToken).ConfigureAwait(false);
        return await registry.MoveAsync(record, record with
        {
            Gate = decision,
            Status = decision.Passed ? ModelState.Passed : ModelState.Refused,
            Reason = decision.Passed ? null : $"The gate refused it: {string.Join("; ", decision.Reasons)}.",
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether to wait for more shadow answers: only while the shadow can run at all (sampling on, no fixed
    /// <c>Model:Shadow:Deployment</c>), the candidate has fewer than <c>Training:Gate:MinShadowAccounts</c>, and
    /// it has waited less than <c>MaxShadowWaitMinutes</c> (one candidate is shadowed at a time, the oldest).
    /// </summary>
    private async Task<bool> WaitsForShadowAsync(ModelRecord record, CancellationToken cancellationToken)
    {
        var settings = options.Value.Gate;
        var shadowSettings = modelOptions.Value.Shadow;
        if (settings.MinShadowAccounts == 0 || shadowSettings.SampleRate <= 0 || !string.IsNullOrWhiteSpace(shadowSettings.Deployment)
            || time.GetUtcNow() - record.UpdatedAt > TimeSpan.FromMinutes(settings.MaxShadowWaitMinutes))
        {
            return false;
        }

        var answered = (await shadow.AgreementAsync(record.Deployment!, cancellationToken).ConfigureAwait(false))?.Accounts ?? 0;
        return answered < settings.MinShadowAccounts;
    }
}
