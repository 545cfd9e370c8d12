using Microsoft.Extensions.DependencyInjection;

namespace Extraction.Core.Models;

public static class ModelServices
{
    /// <summary>The embedded rules as a model (built only if <c>Model:Provider</c> is <c>rules</c>).</summary>
    public static IServiceCollection AddRulesModel(this IServiceCollection services) => services.AddSingleton<RulesExtractionModel>();
}
