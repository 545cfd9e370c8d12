using Microsoft.Extensions.DependencyInjection;

namespace Extraction.Core.Models.OpenAI;

public static class OpenAIModelServices
{
    /// <summary>One client per process, a chat client per deployment, and the student/teacher model over them (built only when used).</summary>
    public static IServiceCollection AddOpenAIModel(this IServiceCollection services)
    {
        services.AddSingleton<ChatClients>();
        services.AddSingleton<ChatCall>();
        services.AddSingleton<DeploymentRunner>();
        services.AddSingleton<StudentTeacherModel>();
        return services;
    }
}
