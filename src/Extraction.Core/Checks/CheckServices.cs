using Extraction.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Extraction.Core.Checks;

public static class CheckServices
{
    public static IServiceCollection AddChecks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ChecksOptions>(configuration, ChecksOptions.Section);
        services.AddSingleton<AnswerChecker>();
        return services;
    }
}
