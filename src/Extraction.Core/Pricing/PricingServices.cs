using Extraction.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Pricing;

public static class PricingServices
{
    /// <summary><c>Pricing:&lt;deployment&gt;:…</c>, checked at start-up against the deployments the model uses, and the price table over it.</summary>
    public static IServiceCollection AddPricing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PricingOptions>()
            .Configure(o => configuration.GetSection(PricingOptions.Section).Bind(o.Deployments))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PricingOptions>, PricingValidator>();
        services.AddSingleton<PriceTable>();
        return services;
    }
}
