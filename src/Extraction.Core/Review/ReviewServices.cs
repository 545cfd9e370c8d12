using Microsoft.Extensions.DependencyInjection;

namespace Extraction.Core.Review;

public static class ReviewServices
{
    /// <summary>The review queue, the verified labels corrections leave, and the service that applies a correction.</summary>
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        services.AddSingleton<ReviewQueue>();
        services.AddSingleton<VerifiedLabels>();
        services.AddSingleton<ReviewService>();
        return services;
    }
}
