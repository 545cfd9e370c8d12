using Extraction.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Extraction.Core.Training;

public static class TrainingServices
{
    /// <summary>The training candidates index, the offline token counter and the retraining export.</summary>
    public static IServiceCollection AddTraining(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<TrainingOptions>(configuration, TrainingOptions.Section);
        services.AddSingleton<TokenCounter>();
        services.AddSingleton<TrainingCandidates>();
        services.AddSingleton<TrainingExporter>();
        services.AddSingleton<ExportWatermark>();
        services.AddSingleton<TrainingExport>();
        return services;
    }
}
