using DurableTask.Core;
using Microsoft.DurableTask.Testing.Sidecar;

namespace Extraction.Cli.Local;

/// <summary>
/// The in-memory engine with its work-item limits raised. The stock service allows only
/// <c>Environment.ProcessorCount</c> work items at once and its dispatcher then sleeps 500 ms, which
/// caps a 2-core machine near 4 activities/s; its limits are not settable, so this type re-implements
/// <see cref="IOrchestrationService"/> to answer the two limit properties with configured values.
/// </summary>
internal sealed class WideInMemoryOrchestrationService(ILoggerFactory? loggerFactory, int maxActivities, int maxOrchestrations)
    : InMemoryOrchestrationService(loggerFactory), IOrchestrationService
{
    public new int MaxConcurrentTaskActivityWorkItems => maxActivities;

    public new int MaxConcurrentTaskOrchestrationWorkItems => maxOrchestrations;
}
