using System.ComponentModel.DataAnnotations;

namespace Extraction.Core.Configuration;

/// <summary>
/// Prices per deployment, in USD per million tokens: <c>Pricing:&lt;deployment&gt;:InputPerMillion</c>,
/// <c>CachedInputPerMillion</c>, <c>OutputPerMillion</c>. Every deployment the model may call needs one.
/// </summary>
public sealed class PricingOptions
{
    public const string Section = "Pricing";

    public Dictionary<string, DeploymentPrice> Deployments { get; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class DeploymentPrice
{
    [Range(0, 10_000)]
    public decimal InputPerMillion { get; set; }

    /// <summary>Cached prompt tokens; defaults to the input price where a deployment has no discount.</summary>
    [Range(0, 10_000)]
    public decimal? CachedInputPerMillion { get; set; }

    [Range(0, 10_000)]
    public decimal OutputPerMillion { get; set; }
}
