using System.Reflection;
using Extraction.Core.Access;
using Extraction.Core.Activities;
using Extraction.Core.Budgets;
using Extraction.Core.Configuration;
using Extraction.Core.Flywheel;
using Extraction.Core.Models;
using Extraction.Core.Models.OpenAI;
using Extraction.Core.Quota;
using Extraction.Core.Realtime;
using Extraction.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Extraction.Core;

/// <summary>
/// The composition root of the pipeline, for the Functions app and the CLI alike: the options of every
/// area (bound and validated at start-up), every class marked <see cref="SingletonAttribute"/>, every
/// activity, and the model <c>Model:Provider</c> names.
/// </summary>
public static class ExtractionServices
{
    public static IServiceCollection AddExtractionCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(TimeProvider.System);
        services
            .AddValidatedOptions<StorageOptions>(configuration, StorageOptions.Section)
            .AddValidatedOptions<BudgetOptions>(configuration, BudgetOptions.Section)
            .AddValidatedOptions<ChecksOptions>(configuration, ChecksOptions.Section)
            .AddValidatedOptions<TrainingOptions>(configuration, TrainingOptions.Section)
            .AddValidatedOptions<BatchOptions>(configuration, BatchOptions.Section)
            .AddValidatedOptions<ModelOptions>(configuration, ModelOptions.Section)
            .AddValidatedOptions<AccessOptions>(configuration, AccessOptions.Section)
            .AddValidatedOptions<PartnerLimitsOptions>(configuration, PartnerLimitsOptions.Section);
        // Pricing:<deployment>:… is a dictionary; every deployment the model uses must have a price.
        services.AddOptions<PricingOptions>()
            .Configure(o => configuration.GetSection(PricingOptions.Section).Bind(o.Deployments))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PricingOptions>, PricingValidator>();

        services.AddMarkedSingletons(typeof(ExtractionServices).Assembly);
        foreach (var hosted in HostedInOrder)
        {
            services.AddSingleton<IHostedService>(sp => (IHostedService)sp.GetRequiredService(hosted));
        }

        // The deployments' provider, named here rather than found: both OpenAI-shaped providers (azure-openai,
        // openai-compatible) call through ChatCall, whose ChatClients picks the client; the rules call none.
        services.AddSingleton<IDeploymentClient, ChatCall>();
        foreach (var activity in PipelineActivities.All)
        {
            services.AddSingleton(activity.Type);
        }

        // The rules or the student/teacher model, as the validated options say when the model is first needed.
        services.AddSingleton<IExtractionModel>(sp => sp.GetRequiredService<IOptions<ModelOptions>>().Value.UsesRules
            ? sp.GetRequiredService<RulesExtractionModel>()
            : sp.GetRequiredService<StudentTeacherModel>());
        services.TryAddSingleton<IPipelineTelemetry, NoPipelineTelemetry>();
        services.TryAddSingleton<IQuotaTelemetry, NoQuotaTelemetry>();
        return services;
    }

    /// <summary>
    /// The hosted services, started in this order and stopped in reverse: storage exists before anything writes; the
    /// deferred real-time records and the shadow traffic drain before the budget guard gives its leases back (their
    /// work spends from them). Every class marked <c>Hosted</c> is here (a test holds the two lists equal).
    /// </summary>
    public static readonly IReadOnlyList<Type> HostedInOrder = [typeof(StorageInitializer), typeof(QuotaShares), typeof(BudgetGuard), typeof(ShadowTraffic), typeof(RecordQueue)];

    /// <summary>Every class of <paramref name="assembly"/> marked <see cref="SingletonAttribute"/>; hosted ones are started by <see cref="HostedInOrder"/>.</summary>
    public static IServiceCollection AddMarkedSingletons(this IServiceCollection services, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract))
        {
            if (type.GetCustomAttribute<SingletonAttribute>() is not { } marked)
            {
                continue;
            }

            // One instance, reachable as itself and as its service: several classes may serve one interface
            // (the retraining loop's steps), and the hosted list and callers that need the class find it.
            services.AddSingleton(type);
            if (marked.As is { } service)
            {
                services.AddSingleton(service, sp => sp.GetRequiredService(type));
            }
        }

        return services;
    }
}
