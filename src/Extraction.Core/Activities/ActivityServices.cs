using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Extraction.Core.Activities;

public static class ActivityServices
{
    /// <summary>Every activity (see <see cref="PipelineActivities"/>), what records an answer, and the telemetry port (none unless the host adds one).</summary>
    public static IServiceCollection AddActivities(this IServiceCollection services)
    {
        services.AddSingleton<AccountResultRecorder>();
        services.AddSingleton<BatchCloser>();
        foreach (var activity in PipelineActivities.All)
        {
            services.AddSingleton(activity.Type);
        }

        services.TryAddSingleton<IPipelineTelemetry, NoPipelineTelemetry>();
        return services;
    }
}
