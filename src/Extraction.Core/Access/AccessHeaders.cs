namespace Extraction.Core.Access;

public static class AccessHeaders
{
    /// <summary>The partner a request is for: set by API Management, or sent by a partner (then it must match its key).</summary>
    public const string PartnerId = "x-partner-id";

    /// <summary>The secret API Management adds to every request it forwards (api-management mode).</summary>
    public const string GatewaySecret = "x-gateway-secret";
}
