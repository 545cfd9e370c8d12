using Extraction.Core.Configuration;
using Extraction.Core.Models;

namespace Extraction.Core.Flywheel;

/// <summary>
/// <see cref="ModelState.Refused"/> with its deployment still up: the figures stay on the row, the deployment
/// (and the quota and hosting it costs) goes. Written once done, so a delete that failed is tried on the next tick.
/// </summary>
[Singleton(As = typeof(IModelStep))]
public sealed class RemoveRefusedDeployment(IModelDeployments deployments, ModelRegistry registry) : IModelStep
{
    public ModelState From => ModelState.Refused;

    public bool Takes(ModelRecord record) => record.HoldsRefusedDeployment;

    public async Task<ModelRecord> RunAsync(ModelRecord record, CancellationToken cancellationToken)
    {
        await deployments.DeleteAsync(record.Deployment!, cancellationToken).ConfigureAwait(false);
        return await registry.MoveAsync(record, record with { DeploymentRemoved = true }, cancellationToken).ConfigureAwait(false);
    }
}
