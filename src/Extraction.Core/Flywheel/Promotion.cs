using Extraction.Core.Configuration;
using Extraction.Core.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Flywheel;

/// <summary>
/// <see cref="ModelState.Passed"/> (or a student of before) → <see cref="ModelState.Active"/>: its deployment made
/// again, the pointer moved, the student it replaces retired. The timer takes a passed model itself when
/// <c>Training:Gate:AutoPromote</c> is on; otherwise <c>extract models promote</c> does.
/// </summary>
[Singleton(As = typeof(IModelStep))]
public sealed class Promotion(
    IModelDeployments deployments,
    ModelRegistry registry,
    StudentPointer student,
    IOptions<TrainingOptions> options,
    TimeProvider time,
    ILogger<Promotion> logger) : IModelStep
{
    public ModelState From => ModelState.Passed;

    public bool Takes(ModelRecord record) => options.Value.Gate.AutoPromote;

    public Task<ModelRecord> RunAsync(ModelRecord record, CancellationToken cancellationToken) => PromoteAsync(record.Id, "the evaluation gate", cancellationToken);

    public async Task<ModelRecord> PromoteAsync(string id, string by, CancellationToken cancellationToken)
    {
        var record = await registry.GetAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new KeyNotFoundException($"No model {id}.");
        if (record.Status == ModelState.Active)
        {
            return record;
        }

        if (!ModelStates.CanMove(record.Status, ModelState.Active) || record.Deployment is null || record.FineTunedModel is null)
        {
            throw new InvalidOperationException($"Model {id} is {record.Status.Name()}: only a model that passed the gate, or served before, can be promoted.");
        }

        // Its deployment again: a retired one may have been deleted since it served.
        await deployments.DeployAsync(record.Deployment, record.FineTunedModel, cancellationToken).ConfigureAwait(false);
        var before = await student.ServeAsync(record, cancellationToken).ConfigureAwait(false);
        if (before.ModelId != record.Id)
        {
            await registry.TryMoveAsync(before.ModelId, ModelState.Retired, $"Replaced by {record.Id} ({by}).", cancellationToken).ConfigureAwait(false);
        }

        logger.LogInformation("Model {ModelId} ({Deployment}) promoted by {By}; it replaces {Previous}", record.Id, record.Deployment, by, before.Deployment);
        var promoted = await registry.MoveAsync(record, record with { Status = ModelState.Active, PromotedAt = time.GetUtcNow(), Reason = $"Promoted by {by}." }, cancellationToken).ConfigureAwait(false);

        // The pointer is the truth about who serves: a promotion that raced with another and lost is retired.
        var active = await student.ReadAsync(cancellationToken).ConfigureAwait(false);
        return active.ModelId == promoted.Id
            ? promoted
            : await registry.MoveAsync(promoted, promoted with { Status = ModelState.Retired, Reason = $"Replaced by {active.ModelId ?? active.Deployment} while it was being promoted." }, cancellationToken).ConfigureAwait(false);
    }
}
