using Extraction.Core.Configuration;
using Microsoft.Extensions.Logging;

namespace Extraction.Core.Flywheel;

/// <summary>
/// The retraining loop as a state machine over <see cref="ModelState"/> (the moves it may make are in
/// <see cref="ModelStates"/>): <see cref="StartAsync"/> makes a row from an export; each timer tick
/// (<see cref="AdvanceAsync(CancellationToken)"/>) takes every open row through the <see cref="IModelStep"/> for
/// its state until one has to wait; <see cref="PromoteAsync"/> and <see cref="RollbackAsync"/> are the operator's
/// moves. Every move is written before the next, so a tick that fails carries on from there on the next.
/// </summary>
[Singleton]
public sealed class ModelLifecycle(
    ModelRegistry registry,
    IEnumerable<IModelStep> steps,
    StartTraining start,
    Promotion promotion,
    Rollback rollback,
    StudentPointer student,
    ILogger<ModelLifecycle> logger)
{
    private readonly ILookup<ModelState, IModelStep> _steps = steps.ToLookup(s => s.From);

    public Task<ModelRecord> StartAsync(string? exportFolder = null, CancellationToken cancellationToken = default) => start.RunAsync(exportFolder, cancellationToken);

    public Task<ModelRecord> PromoteAsync(string id, string by, CancellationToken cancellationToken = default) => promotion.PromoteAsync(id, by, cancellationToken);

    /// <summary>Makes the student before the current one the student again.</summary>
    public Task<ActiveStudentRow> RollbackAsync(string by, CancellationToken cancellationToken = default) => rollback.RunAsync(by, cancellationToken);

    /// <summary>The timer step: every row a step takes, as far along as it can go now (job → deployment → gate → promotion).</summary>
    public async Task<List<ModelRecord>> AdvanceAsync(CancellationToken cancellationToken = default)
    {
        var open = (await registry.ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(r => StepFor(r) is not null)
            .OrderBy(r => r.CreatedAt)
            .ToList();
        var moved = new List<ModelRecord>();
        foreach (var record in open)
        {
            try
            {
                moved.Add(await AdvanceAsync(record, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One model's trouble (ARM unreachable, storage away) must not stop the others; its row keeps
                // the last move written, so the next tick carries on from there.
                logger.LogError(ex, "Model {ModelId} could not move on from {Status}; the next tick tries again", record.Id, record.Status.Name());
                moved.Add(record);
            }
        }

        // One candidate at a time answers in the shadow: the oldest still waiting for its gate.
        await student.ShadowAsync(moved.FirstOrDefault(r => r.Status == ModelState.Evaluating)?.Deployment, cancellationToken).ConfigureAwait(false);
        return moved;
    }

    private async Task<ModelRecord> AdvanceAsync(ModelRecord record, CancellationToken cancellationToken)
    {
        while (StepFor(record) is { } step)
        {
            var next = await step.RunAsync(record, cancellationToken).ConfigureAwait(false);
            var waits = next.Status == record.Status;
            record = next;
            if (waits)
            {
                break;
            }
        }

        return record;
    }

    private IModelStep? StepFor(ModelRecord record) => _steps[record.Status].FirstOrDefault(s => s.Takes(record));
}
