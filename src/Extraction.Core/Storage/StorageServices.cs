using Extraction.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Extraction.Core.Storage;

public static class StorageServices
{
    /// <summary>One set of storage clients per process, the containers and tables created (and writes probed) at start-up, and the stores over them.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<StorageOptions>(configuration, StorageOptions.Section);
        services.AddSingleton<StorageClients>();
        services.AddHostedService<StorageInitializer>();
        services.AddSingleton<ResultStore>();
        services.AddSingleton<RawRecordStore>();
        services.AddSingleton<BatchSourceStore>();
        return services;
    }
}
