using Extraction.Core.Activities;
using Extraction.Core.Budgets;
using Extraction.Core.Checks;
using Extraction.Core.Configuration;
using Extraction.Core.Models;
using Extraction.Core.Models.OpenAI;
using Extraction.Core.Orchestration;
using Extraction.Core.Pricing;
using Extraction.Core.Realtime;
using Extraction.Core.Review;
using Extraction.Core.Storage;
using Extraction.Core.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Extraction.Core;

/// <summary>
/// The composition root of the pipeline, for the Functions app and the CLI alike: each area registers
/// itself (its options bound and validated at start-up, its services); this picks the model.
/// </summary>
public static class ExtractionServices
{
    public static IServiceCollection AddExtractionCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(TimeProvider.System);
        return services
            .AddStorage(configuration)
            .AddBudgets(configuration)
            .AddPricing(configuration)
            .AddChecks(configuration)
            .AddTraining(configuration)
            .AddReview()
            .AddModel(configuration)
            .AddBatchOrchestration(configuration)
            .AddActivities()
            .AddRealtime();
    }

    /// <summary>The rules, or the student/teacher model behind Azure OpenAI, as the validated <c>Model:Provider</c> says when first asked.</summary>
    private static IServiceCollection AddModel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ModelOptions>(configuration, ModelOptions.Section);
        services.AddRulesModel().AddStudentTeacherModel().AddOpenAIDeployments();
        services.AddSingleton<IExtractionModel>(sp => sp.GetRequiredService<IOptions<ModelOptions>>().Value.UsesRules
            ? sp.GetRequiredService<RulesExtractionModel>()
            : sp.GetRequiredService<StudentTeacherModel>());
        return services;
    }
}
