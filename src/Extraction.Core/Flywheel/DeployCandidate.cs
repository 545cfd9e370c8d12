using Extraction.Core.Configuration;
using Extraction.Core.Models;

namespace Extraction.Core.Flywheel;

/// <summary><see cref="ModelState.Deploying"/>: makes the candidate's deployment (an idempotent PUT), then it waits for its gate.</summary>
[Singleton(As = typeof(IModelStep))]
public sealed class DeployCandidate(IModelDeployments deployments, ModelRegistry registry) : IModelStep
{
    public ModelState From => ModelState.Deploying;

    public async Task<ModelRecord> RunAsync(ModelRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await deployments.DeployAsync(record.Deployment!, record.FineTunedModel!, cancellationToken).ConfigureAwait(false);
        }
        catch (FineTuningException ex)
        {
            return await registry.MoveAsync(record, record with { Status = ModelState.Failed, Reason = ex.Message }, cancellationToken).ConfigureAwait(false);
        }

        // Its UpdatedAt now marks when it began to wait for its gate (waiting writes nothing).
        return await registry.MoveAsync(record, record with { Status = ModelState.Evaluating }, cancellationToken).ConfigureAwait(false);
    }
}
