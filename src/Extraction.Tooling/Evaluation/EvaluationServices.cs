using Microsoft.Extensions.DependencyInjection;

namespace Extraction.Tooling.Evaluation;

public static class EvaluationServices
{
    /// <summary>What `extract eval` reads back after a run; not part of the Functions app.</summary>
    public static IServiceCollection AddEvaluation(this IServiceCollection services) => services.AddSingleton<EvaluationData>();
}
