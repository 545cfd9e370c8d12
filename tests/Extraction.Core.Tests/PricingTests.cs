using Extraction.Core.Configuration;
using Extraction.Core.Pricing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Tests;

public sealed class PricingTests
{
    [Fact]
    public void Cost_charges_cached_prompt_tokens_at_their_own_price()
    {
        var prices = Build(new() { ["Pricing:ft:InputPerMillion"] = "0.30", ["Pricing:ft:CachedInputPerMillion"] = "0.075", ["Pricing:ft:OutputPerMillion"] = "1.20" })
            .GetRequiredService<PriceTable>();

        Assert.Equal((800 * 0.30m + 200 * 0.075m + 100 * 1.20m) / 1_000_000m, prices.Cost("ft", 1_000, 200, 100));
    }

    [Fact]
    public void A_deployment_without_a_price_stops_start_up_and_names_the_keys()
    {
        var services = Build(new()
        {
            ["Model:Provider"] = "azure-openai",
            ["Model:Endpoint"] = "https://example.openai.azure.com/",
            ["Model:StudentDeployment"] = "ft",
            ["Model:TeacherDeployment"] = "big",
            ["Pricing:ft:InputPerMillion"] = "0.30",
            ["Pricing:ft:OutputPerMillion"] = "1.20",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PricingOptions>>().Value);
        Assert.Contains("Pricing:big:InputPerMillion and Pricing:big:OutputPerMillion are required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deployment_named_with_a_hyphen_is_priced_from_its_setting_name_since_linux_settings_cannot_carry_the_hyphen()
    {
        var services = Build(new()
        {
            ["Model:Provider"] = "azure-openai",
            ["Model:Endpoint"] = "https://example.openai.azure.com/",
            ["Model:StudentDeployment"] = "student-ft.v2",
            ["Model:TeacherDeployment"] = "teacher-large",
            ["Pricing:student_ft_v2:InputPerMillion"] = "0.30",
            ["Pricing:student_ft_v2:OutputPerMillion"] = "1.20",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PricingOptions>>().Value);
        Assert.Contains("deployment teacher-large (as environment variables: Pricing__teacher_large__InputPerMillion", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("student-ft.v2", error.Message, StringComparison.Ordinal);
        var prices = Build(new() { ["Pricing:student_ft_v2:InputPerMillion"] = "1.00", ["Pricing:student_ft_v2:OutputPerMillion"] = "2.00" }).GetRequiredService<PriceTable>();
        Assert.Equal((1_000 * 1.00m + 100 * 2.00m) / 1_000_000m, prices.Cost("student-ft.v2", 1_000, 0, 100));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddLogging()
            .AddExtractionCore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
}
