using Extraction.Core.Configuration;

namespace Extraction.Core.Flywheel;

/// <summary>
/// The pointer row that says who serves: the student, the candidate answering in its shadow, and the students
/// before it. Every move is a read and a write with If-Match, read again when another instance moved it first,
/// so two promotions cannot both win. Each method returns the pointer as it was before the move.
/// </summary>
[Singleton]
public sealed class StudentPointer(ModelRegistry registry)
{
    private const int Tries = 5;

    /// <summary>Students a rollback can return to; older ones drop off the row (a table property holds 64 KiB).</summary>
    private const int HistoryKept = 20;

    public Task<ActiveStudentRow> ReadAsync(CancellationToken cancellationToken) => registry.ActiveAsync(cancellationToken: cancellationToken);

    /// <summary>Makes <paramref name="model"/> the student; the one it replaces goes onto the history.</summary>
    public Task<ActiveStudentRow> ServeAsync(ModelRecord model, CancellationToken cancellationToken) =>
        MoveAsync(active => active.ModelId == model.Id ? active : active with
        {
            ModelId = model.Id,
            Deployment = model.Deployment!,
            Shadow = active.Shadow == model.Deployment ? null : active.Shadow,
            History = [.. active.History.TakeLast(HistoryKept - 1), new PreviousStudent(active.ModelId, active.Deployment)],
        }, cancellationToken);

    /// <summary>Makes the last student of the history the student again.</summary>
    public Task<ActiveStudentRow> StepBackAsync(CancellationToken cancellationToken) =>
        MoveAsync(active => active.History.Count == 0
            ? throw new InvalidOperationException($"Nothing to roll back to: {active.Deployment} is the first student.")
            : active with { ModelId = active.History[^1].ModelId, Deployment = active.History[^1].Deployment, History = [.. active.History.Take(active.History.Count - 1)] },
            cancellationToken);

    /// <summary>The candidate that answers beside the student (null: none).</summary>
    public Task<ActiveStudentRow> ShadowAsync(string? deployment, CancellationToken cancellationToken) =>
        MoveAsync(active => active.Shadow == deployment ? active : active with { Shadow = deployment }, cancellationToken);

    private async Task<ActiveStudentRow> MoveAsync(Func<ActiveStudentRow, ActiveStudentRow> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var active = await ReadAsync(cancellationToken).ConfigureAwait(false);
            var next = change(active);
            if (next == active || await registry.TryReplaceActiveAsync(active, next, cancellationToken).ConfigureAwait(false))
            {
                return active;
            }

            if (attempt >= Tries)
            {
                throw new InvalidOperationException($"The student pointer kept changing under this update ({Tries} tries); try again.");
            }
        }
    }
}
