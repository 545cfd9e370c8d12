using Extraction.Core.Activities;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Extraction.Functions.Activities;

/// <summary>
/// The Functions host's trigger for every pipeline activity: same name, same message types as
/// <see cref="PipelineActivities"/> (a test holds the two lists equal). The work is the core's.
/// </summary>
public sealed class ActivityFunctions(IServiceProvider services)
{
    [Function(nameof(PlanBatchActivity))]
    public Task<BatchPlan> PlanBatch([ActivityTrigger] PlanBatchInput input, CancellationToken cancellationToken) =>
        Run<PlanBatchActivity, PlanBatchInput, BatchPlan>(input, cancellationToken);

    [Function(nameof(ReadChunkActivity))]
    public Task<ChunkWork> ReadChunk([ActivityTrigger] ChunkInput input, CancellationToken cancellationToken) =>
        Run<ReadChunkActivity, ChunkInput, ChunkWork>(input, cancellationToken);

    [Function(nameof(AdmitChunkActivity))]
    public Task<ChunkAdmission> AdmitChunk([ActivityTrigger] AdmitChunkInput input, CancellationToken cancellationToken) =>
        Run<AdmitChunkActivity, AdmitChunkInput, ChunkAdmission>(input, cancellationToken);

    [Function(nameof(ExtractAccountActivity))]
    public Task<AccountOutcome> ExtractAccount([ActivityTrigger] ExtractAccountInput input, CancellationToken cancellationToken) =>
        Run<ExtractAccountActivity, ExtractAccountInput, AccountOutcome>(input, cancellationToken);

    [Function(nameof(RecordFailureActivity))]
    public Task<AccountOutcome> RecordFailure([ActivityTrigger] RecordFailureInput input, CancellationToken cancellationToken) =>
        Run<RecordFailureActivity, RecordFailureInput, AccountOutcome>(input, cancellationToken);

    [Function(nameof(ExpireBatchActivity))]
    public Task<StatusCounts> ExpireBatch([ActivityTrigger] ExpireBatchInput input, CancellationToken cancellationToken) =>
        Run<ExpireBatchActivity, ExpireBatchInput, StatusCounts>(input, cancellationToken);

    [Function(nameof(CompleteBatchActivity))]
    public Task<bool> CompleteBatch([ActivityTrigger] CompleteBatchInput input, CancellationToken cancellationToken) =>
        Run<CompleteBatchActivity, CompleteBatchInput, bool>(input, cancellationToken);

    private Task<TOutput> Run<TActivity, TInput, TOutput>(TInput input, CancellationToken cancellationToken)
        where TActivity : IPipelineActivity<TInput, TOutput> =>
        services.GetRequiredService<TActivity>().RunAsync(input, cancellationToken);
}
