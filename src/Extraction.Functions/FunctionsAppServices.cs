using Extraction.Core;
using Extraction.Core.Activities;
using Extraction.Core.Quota;
using Extraction.Functions.Telemetry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Extraction.Functions;

public static class FunctionsAppServices
{
    /// <summary>Everything the Functions app registers: Application Insights, its telemetry sink, the pipeline.</summary>
    public static IServiceCollection AddExtractionFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
        services.AddSingleton<ApplicationInsightsTelemetry>();
        services.AddSingleton<IPipelineTelemetry>(sp => sp.GetRequiredService<ApplicationInsightsTelemetry>());
        services.AddSingleton<IQuotaTelemetry>(sp => sp.GetRequiredService<ApplicationInsightsTelemetry>());
        return services.AddExtractionCore(configuration);
    }
}
