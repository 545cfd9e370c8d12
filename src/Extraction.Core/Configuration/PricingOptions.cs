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

    /// <summary>
    /// The price of a deployment, under its name or under its setting name (<see cref="SettingName"/>): an app setting or
    /// environment variable on Linux holds letters, digits and underscores only, so <c>Pricing__student-ft__…</c> never
    /// reaches a Functions app there (the host's shell drops it) while <c>Pricing__student_ft__…</c> does.
    /// </summary>
    public bool TryFind(string deployment, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DeploymentPrice? price) =>
        Deployments.TryGetValue(deployment, out price) || Deployments.TryGetValue(SettingName(deployment), out price);

    /// <summary>A deployment's name as a setting can spell it: every character but a letter or digit becomes an underscore.</summary>
    public static string SettingName(string deployment) =>
        string.Concat((deployment ?? throw new ArgumentNullException(nameof(deployment))).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));
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
