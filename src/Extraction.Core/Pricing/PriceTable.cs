using Extraction.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Pricing;

/// <summary>
/// What a call's tokens cost at the configured price of its deployment. A candidate the retraining loop
/// deployed (<c>Training:DeploymentPrefix</c>…) without a price of its own is priced as the student it would replace.
/// </summary>
[Singleton]
public sealed class PriceTable(IOptions<PricingOptions> options, IOptions<ModelOptions> model, IOptions<TrainingOptions> training)
{
    private const decimal Million = 1_000_000m;

    public decimal Cost(string deployment, int promptTokens, int cachedPromptTokens, int completionTokens)
    {
        if (!options.Value.TryFind(deployment, out var price)
            && !(training.Value.IsCandidate(deployment)
                 && model.Value.StudentDeployment is { } student && options.Value.TryFind(student, out price)))
        {
            throw new InvalidOperationException($"No price is configured for deployment {deployment} (Pricing:{deployment}).");
        }

        var cached = Math.Clamp(cachedPromptTokens, 0, promptTokens);
        return ((promptTokens - cached) * price.InputPerMillion
            + cached * (price.CachedInputPerMillion ?? price.InputPerMillion)
            + completionTokens * price.OutputPerMillion) / Million;
    }
}
