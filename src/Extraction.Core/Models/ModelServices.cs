using Microsoft.Extensions.DependencyInjection;

namespace Extraction.Core.Models;

public static class ModelServices
{
    /// <summary>The embedded rules as a model (built only if <c>Model:Provider</c> is <c>rules</c>).</summary>
    public static IServiceCollection AddRulesModel(this IServiceCollection services) => services.AddSingleton<RulesExtractionModel>();

    /// <summary>The student first, the teacher as fallback, over whichever provider's <see cref="IDeploymentClient"/> is registered.</summary>
    public static IServiceCollection AddStudentTeacherModel(this IServiceCollection services) =>
        services.AddSingleton<DeploymentRunner>().AddSingleton<StudentTeacherModel>();
}
