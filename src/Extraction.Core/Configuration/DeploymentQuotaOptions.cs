using System.ComponentModel.DataAnnotations;

namespace Extraction.Core.Configuration;

/// <summary>
/// One deployment's quota, as Azure OpenAI grants it (<c>Model:Deployments:&lt;name&gt;</c>): requests and tokens a
/// minute, and how many calls this pipeline keeps in flight. Shared by every instance: each paces to its share.
/// Bicep derives the first two from the deployment's capacity, so the numbers have one source.
/// </summary>
public sealed class DeploymentQuotaOptions
{
    /// <summary>Requests a minute (Azure enforces them over 1–10 s slices).</summary>
    [Range(1, 10_000_000)]
    public int RequestsPerMinute { get; set; } = 1_200;

    /// <summary>Tokens a minute, charged when a request arrives: its prompt estimate plus its <c>max_tokens</c>.</summary>
    [Range(1, 1_000_000_000)]
    public int TokensPerMinute { get; set; } = 200_000;

    /// <summary>Calls in flight at most, over every instance (each holds its share); the adaptive limit stays under it.</summary>
    [Range(1, 100_000)]
    public int MaxInFlight { get; set; } = 64;

    public override string ToString() => $"{RequestsPerMinute} requests/min, {TokensPerMinute} tokens/min, {MaxInFlight} in flight";
}
