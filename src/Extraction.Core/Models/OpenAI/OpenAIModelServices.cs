using Extraction.Core.Models;
using Microsoft.Extensions.DependencyInjection;

namespace Extraction.Core.Models.OpenAI;

public static class OpenAIModelServices
{
    /// <summary>The Azure OpenAI adapter of the model seam: one client per process, a chat client per deployment (built only when used).</summary>
    public static IServiceCollection AddOpenAIDeployments(this IServiceCollection services)
    {
        services.AddSingleton<ChatClients>();
        services.AddSingleton<IDeploymentClient, ChatCall>();
        return services;
    }
}
