using Extraction.Core.Access;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Orchestration;

/// <summary>
/// Batches a partner has running, read from the task hub every instance shares, so the limit holds across instances.
/// Asked once per batch start (not per account); a batch that is already running is the same request again and passes.
/// </summary>
[Singleton]
public sealed class PartnerBatchLimit(IOptions<PartnerLimitsOptions> options)
{
    private static readonly OrchestrationRuntimeStatus[] Live = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    /// <summary>Null where <paramref name="batch"/> may start; otherwise the problem's detail.</summary>
    public async Task<string?> RefusalAsync(DurableTaskClient client, BatchRef batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(batch);
        var limit = options.Value.BatchesInFlightOf(batch.Partner);
        var own = BatchInput.InstanceIdFor(batch);
        if (await client.GetInstanceAsync(own, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false) is { } earlier
            && earlier.RuntimeStatus is not (OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated))
        {
            return null; // the same batch again (a retry, an idempotency key): it answers with the run it started
        }

        var running = 0;
        var query = new OrchestrationQuery { InstanceIdPrefix = $"batch:{batch.Partner}:", Statuses = Live, PageSize = 100 };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (instance.InstanceId == own)
            {
                return null;
            }

            running += BatchInput.IsChunkInstance(instance.InstanceId) ? 0 : 1;
        }

        return running < limit ? null : $"Partner {batch.Partner} has {running} batches running, its limit is {limit}; start this one when one of them has ended.";
    }
}
