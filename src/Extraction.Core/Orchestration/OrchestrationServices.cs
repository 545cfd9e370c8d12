using Extraction.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Extraction.Core.Orchestration;

public static class OrchestrationServices
{
    /// <summary>Starting batches (the intake every entry point shares) and reading their state.</summary>
    public static IServiceCollection AddBatchOrchestration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<BatchOptions>(configuration, BatchOptions.Section);
        services.AddSingleton<BatchIntake>();
        services.AddSingleton<BatchQueries>();
        return services;
    }
}
