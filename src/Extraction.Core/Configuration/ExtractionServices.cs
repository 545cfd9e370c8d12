using Extraction.Core.Activities;
using Extraction.Core.Budgets;
using Extraction.Core.Checks;
using Extraction.Core.Evaluation;
using Extraction.Core.Models;
using Extraction.Core.Models.OpenAI;
using Extraction.Core.Pricing;
using Extraction.Core.Realtime;
using Extraction.Core.Review;
using Extraction.Core.Telemetry;
using Extraction.Core.Training;
using Extraction.Core.Orchestration;
using Extraction.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Configuration;

public static class ExtractionServices
{
    /// <summary>
    /// Everything the pipeline needs, for the Functions app and the CLI alike: options bound from
    /// configuration and validated at start-up, singleton storage clients, the model, the activities.
    /// </summary>
    public static IServiceCollection AddExtractionCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<StorageOptions>(configuration, StorageOptions.Section);
        services.AddValidatedOptions<BatchOptions>(configuration, BatchOptions.Section);
        services.AddValidatedOptions<ModelOptions>(configuration, ModelOptions.Section);
        services.AddValidatedOptions<ChecksOptions>(configuration, ChecksOptions.Section);
        services.AddValidatedOptions<TrainingOptions>(configuration, TrainingOptions.Section);
        services.AddValidatedOptions<BudgetOptions>(configuration, BudgetOptions.Section);
        services.AddOptions<PricingOptions>()
            .Configure(o => configuration.GetSection(PricingOptions.Section).Bind(o.Deployments))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PricingOptions>, PricingValidator>();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<StorageClients>();
        services.AddHostedService<StorageInitializer>();
        services.AddSingleton<ResultStore>();
        services.AddSingleton<RawRecordStore>();
        services.AddSingleton<BatchSourceStore>();
        services.AddSingleton<BatchIntake>();
        services.AddSingleton<BatchCloser>();
        services.AddSingleton<BatchQueries>();
        services.AddSingleton<EvaluationData>();
        services.AddSingleton<ReviewQueue>();
        services.AddSingleton<VerifiedLabels>();
        services.AddSingleton<ReviewService>();
        services.AddSingleton<TokenCounter>();
        services.AddSingleton<BudgetLedger>();
        services.AddSingleton<BudgetGuard>();
        services.AddHostedService(sp => sp.GetRequiredService<BudgetGuard>());
        services.AddSingleton<TrainingCandidates>();
        services.AddSingleton<TrainingExporter>();
        services.AddSingleton<ExportWatermark>();
        services.AddSingleton<TrainingExport>();
        services.AddSingleton<PriceTable>();
        services.AddSingleton<ChatClients>();
        services.AddSingleton<ChatCall>();
        services.AddSingleton<DeploymentRunner>();
        services.AddSingleton<AnswerChecker>();
        services.AddSingleton<IExtractionModel>(sp => sp.GetRequiredService<IOptions<ModelOptions>>().Value.UsesRules
            ? ActivatorUtilities.CreateInstance<RulesExtractionModel>(sp)
            : ActivatorUtilities.CreateInstance<StudentTeacherModel>(sp));

        services.AddSingleton<PlanBatchActivity>();
        services.AddSingleton<ReadChunkActivity>();
        services.AddSingleton<AccountResultRecorder>();
        services.AddSingleton<RecordQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<RecordQueue>());
        services.AddSingleton<RealtimeBatches>();
        services.AddSingleton<RealtimeExtraction>();
        services.AddSingleton<ExtractAccountActivity>();
        services.AddSingleton<RecordFailureActivity>();
        services.AddSingleton<CompleteBatchActivity>();
        services.AddSingleton<AdmitChunkActivity>();
        services.AddSingleton<ExpireBatchActivity>();
        services.TryAddSingleton<IPipelineTelemetry, NoPipelineTelemetry>();
        return services;
    }

    private static void AddValidatedOptions<TOptions>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
    {
        services.AddOptions<TOptions>()
            .Bind(configuration.GetSection(section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
    }
}
