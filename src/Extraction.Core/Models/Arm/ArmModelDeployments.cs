using System.Security.Cryptography;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Azure.ResourceManager;
using Azure.ResourceManager.Resources;
using Azure.ResourceManager.Resources.Models;
using Extraction.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Models.Arm;

/// <summary>
/// Candidate deployments through Azure Resource Manager's generic resource client: a PUT of
/// <c>Microsoft.CognitiveServices/accounts/deployments</c> on the configured account, waited on until
/// provisioned, by the app's managed identity (Bicep grants it a role that allows only deployment writes).
/// </summary>
[Singleton(As = typeof(IModelDeployments))]
public sealed class ArmModelDeployments(IOptions<TrainingOptions> options) : IModelDeployments
{
    private static readonly ResourceType DeploymentType = new("Microsoft.CognitiveServices/accounts/deployments");
    private readonly Lazy<ArmClient> _client = new(() => Create(options.Value));

    public async Task DeployAsync(string deployment, string model, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var data = new GenericResourceData(new AzureLocation(settings.Arm.Location))
        {
            Sku = new ResourcesSku { Name = settings.DeploymentSku, Capacity = settings.DeploymentCapacity },
            Properties = BinaryData.FromObjectAsJson(new { model = new { format = "OpenAI", name = model, version = "1" } }),
        };
        try
        {
            await _client.Value.GetGenericResources().CreateOrUpdateAsync(WaitUntil.Completed, Id(deployment), data, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is < 400 or (>= 400 and < 500 and not (408 or 409 or 429)))
        {
            // Refused for good — no quota, a bad model name, no permission, or a provisioning that failed after
            // the PUT was accepted (the operation's last poll was a 200): the row says why. A throttle, a conflict
            // with a running operation or a server error escapes as it is, and the next tick tries again.
            throw new FineTuningException($"Azure Resource Manager refused deployment {deployment} of {model} ({ex.Status} {ex.ErrorCode}): {ex.Message}", ex);
        }
    }

    public async Task DeleteAsync(string deployment, CancellationToken cancellationToken = default)
    {
        try
        {
            await _client.Value.GetGenericResource(Id(deployment)).DeleteAsync(WaitUntil.Completed, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone.
        }
    }

    private ResourceIdentifier Id(string deployment)
    {
        var arm = options.Value.Arm;
        return new ResourceIdentifier(
            $"/subscriptions/{arm.SubscriptionId}/resourceGroups/{arm.ResourceGroup}/providers/Microsoft.CognitiveServices/accounts/{arm.AccountName}/deployments/{deployment}");
    }

    private static ArmClient Create(TrainingOptions settings)
    {
        var arm = settings.Arm;
        var clientOptions = new ArmClientOptions { Environment = new ArmEnvironment(arm.Endpoint, ArmEnvironment.AzurePublicCloud.Audience) };
        clientOptions.SetApiVersion(DeploymentType, arm.ApiVersion);
        if (!string.IsNullOrWhiteSpace(arm.TrustedCertificateSha256))
        {
            var pinned = arm.TrustedCertificateSha256.Replace(":", "", StringComparison.Ordinal);
            // Only this endpoint's own certificate is trusted beyond the system's roots; nothing is turned off.
#pragma warning disable CA2000 // the transport owns the handler for the client's (the process's) life
            var handler = new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
                    errors == System.Net.Security.SslPolicyErrors.None
                    || (certificate is not null && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), pinned, StringComparison.OrdinalIgnoreCase)),
            };
            clientOptions.Transport = new HttpClientTransport(handler);
#pragma warning restore CA2000
        }

        TokenCredential credential = string.IsNullOrWhiteSpace(arm.BearerToken) ? new DefaultAzureCredential() : new GivenToken(arm.BearerToken);
        return new ArmClient(credential, arm.SubscriptionId, clientOptions);
    }

    /// <summary>A token an operator (or the emulator's test) hands over; managed identity otherwise.</summary>
    private sealed class GivenToken(string token) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(GetToken(requestContext, cancellationToken));
    }
}
