using System.ComponentModel.DataAnnotations;

namespace Extraction.Core.Access;

/// <summary>
/// How callers prove who they are. Section <c>Auth</c>. <c>keys</c> (the default): every partner and reviewer
/// sends its own API key as <c>Authorization: Bearer</c>. <c>api-management</c>: Azure API Management in front
/// authenticates partners and sets <c>x-partner-id</c>; the app trusts that header only on requests that carry
/// the gateway's secret, and the Function App accepts traffic from API Management alone (infra/).
/// </summary>
public sealed class AccessOptions : IValidatableObject
{
    public const string Section = "Auth";
    public const string KeysMode = "keys";
    public const string ApiManagementMode = "api-management";

    [Required]
    public string Mode { get; set; } = KeysMode;

    /// <summary>How long a rotated key keeps working beside its successor, so a partner can roll it out.</summary>
    [Range(0, 24 * 90)]
    public int RotationOverlapHours { get; set; } = 24;

    /// <summary>
    /// How long a worker trusts a key it verified before it reads the key's record again: the longest a
    /// revocation takes to reach every instance.
    /// </summary>
    [Range(0, 300)]
    public int KeyCacheSeconds { get; set; } = 10;

    /// <summary>api-management mode: the secret API Management sends in <see cref="AccessHeaders.GatewaySecret"/> (a Key Vault reference in Azure).</summary>
    public string? GatewaySecret { get; set; }

    public bool UsesKeys => Mode == KeysMode;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Mode is not (KeysMode or ApiManagementMode))
        {
            yield return new ValidationResult($"Auth:Mode is '{Mode}'; it must be '{KeysMode}' or '{ApiManagementMode}'.", [nameof(Mode)]);
        }
        else if (Mode == ApiManagementMode && (GatewaySecret is null || GatewaySecret.Length < 32))
        {
            yield return new ValidationResult(
                "Auth:GatewaySecret (32 characters or more) is required in api-management mode: without it any caller could name any partner.", [nameof(GatewaySecret)]);
        }
    }
}
