using Microsoft.Extensions.DependencyInjection;

namespace Extraction.Core.Realtime;

public static class RealtimeServices
{
    /// <summary>One account answered synchronously; its records written after the answer by a queue that drains at stop.</summary>
    public static IServiceCollection AddRealtime(this IServiceCollection services)
    {
        services.AddSingleton<RecordQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<RecordQueue>());
        services.AddSingleton<RealtimeBatches>();
        services.AddSingleton<RealtimeExtraction>();
        return services;
    }
}
