using Extraction.Core.Configuration;
using Extraction.Core.Models;
using Microsoft.Extensions.Logging;

namespace Extraction.Core.Flywheel;

/// <summary><see cref="ModelState.Active"/> → <see cref="ModelState.RolledBack"/>: the student before it serves again (its deployment made again first).</summary>
[Singleton]
public sealed class Rollback(IModelDeployments deployments, ModelRegistry registry, StudentPointer student, ILogger<Rollback> logger)
{
    public async Task<ActiveStudentRow> RunAsync(string by, CancellationToken cancellationToken)
    {
        var current = await student.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (current.History.Count > 0 && current.History[^1].ModelId is { } previousId
            && await registry.GetAsync(previousId, cancellationToken).ConfigureAwait(false) is { Deployment: { } deployment, FineTunedModel: { } model })
        {
            await deployments.DeployAsync(deployment, model, cancellationToken).ConfigureAwait(false);
        }

        var before = await student.StepBackAsync(cancellationToken).ConfigureAwait(false);
        var restored = before.History[^1];
        await registry.TryMoveAsync(before.ModelId, ModelState.RolledBack, $"Rolled back by {by}.", cancellationToken).ConfigureAwait(false);
        await registry.TryMoveAsync(restored.ModelId, ModelState.Active, $"Restored by a rollback ({by}).", cancellationToken).ConfigureAwait(false);
        logger.LogWarning("Rolled back by {By}: the student is {Deployment} again (was {Previous})", by, restored.Deployment, before.Deployment);
        return await student.ReadAsync(cancellationToken).ConfigureAwait(false);
    }
}
