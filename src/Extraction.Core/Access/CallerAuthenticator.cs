using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Access;

/// <summary>
/// Proves who sends a request, for every route: a partner's own routes take its key (or, behind API Management,
/// the gateway's secret and the header it sets); reviewer routes take a reviewer's key scoped to the partner in
/// the route. A verified key is trusted for <see cref="AccessOptions.KeyCacheSeconds"/>, and a refused one is refused
/// as long (the same wrong key again costs no table read; many different ones cost one each).
/// </summary>
[Singleton]
public sealed class CallerAuthenticator(CredentialStore store, PartnerRateLimiter limiter, IOptions<AccessOptions> options, TimeProvider time)
{
    private const int MaxCached = 10_000;
    private readonly ConcurrentDictionary<string, (StoredCredential? Credential, DateTimeOffset ReadAt)> _verified = new(StringComparer.Ordinal);

    /// <summary>The partner a partner route acts for, within its requests per minute.</summary>
    /// <param name="partnerHeaders">The <c>x-partner-id</c> values the request carried.</param>
    public async Task<AccessDecision> PartnerAsync(string? authorization, IReadOnlyList<string?> partnerHeaders, string? gatewaySecret, CancellationToken cancellationToken = default)
    {
        var decision = await IdentifyPartnerAsync(authorization, partnerHeaders, gatewaySecret, cancellationToken).ConfigureAwait(false);
        return decision.Caller is { } partner ? Limited(decision, partner) : decision;
    }

    /// <summary>The partner's own request, within its requests per minute (every partner route counts).</summary>
    private AccessDecision Limited(AccessDecision decision, Caller partner) =>
        limiter.TryAcquire(partner.Name) is { } wait
            ? AccessDecision.Slow("Too many requests", $"Partner {partner.Name} is over its requests per minute; retry after {Math.Ceiling(wait.TotalSeconds):0} s.", wait)
            : decision;

    private async Task<AccessDecision> IdentifyPartnerAsync(string? authorization, IReadOnlyList<string?> partnerHeaders, string? gatewaySecret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partnerHeaders);
        if (!options.Value.UsesKeys)
        {
            return ThroughGateway(partnerHeaders, gatewaySecret);
        }

        var decision = await KeyAsync(authorization, cancellationToken).ConfigureAwait(false);
        if (decision.Caller is not { } caller)
        {
            return decision;
        }

        if (caller.Kind != CallerKind.Partner)
        {
            return AccessDecision.Refuse(AccessRefusal.Forbidden, "Not a partner key", "This route is for partners; a reviewer's key cannot act as a partner.");
        }

        return partnerHeaders.Count == 0 || (partnerHeaders.Count == 1 && partnerHeaders[0] == caller.Name)
            ? decision
            : AccessDecision.Refuse(AccessRefusal.PartnerMismatch, "Partner does not match the key",
                $"The {AccessHeaders.PartnerId} header names another partner than the key belongs to; send the key alone.");
    }

    /// <summary>A reviewer whose scope includes <paramref name="partner"/> (correction routes).</summary>
    public async Task<AccessDecision> ReviewerAsync(string? authorization, string partner, CancellationToken cancellationToken = default)
    {
        var decision = await KeyAsync(authorization, cancellationToken).ConfigureAwait(false);
        if (decision.Caller is not { } caller)
        {
            return decision;
        }

        return caller.Reviews(partner)
            ? decision
            : AccessDecision.Refuse(AccessRefusal.Forbidden, "Not a reviewer of this partner", caller.Kind == CallerKind.Partner
                ? "Corrections are made by reviewers with their own keys; a partner key cannot correct accounts."
                : "The reviewer's key is not scoped to this partner.");
    }

    /// <summary>A partner's own review queue: the partner itself, or a reviewer of it; another partner finds nothing.</summary>
    public async Task<AccessDecision> PartnerOrReviewerAsync(string? authorization, string partner, CancellationToken cancellationToken = default)
    {
        var decision = await KeyAsync(authorization, cancellationToken).ConfigureAwait(false);
        return decision.Caller switch
        {
            null => decision,
            { Kind: CallerKind.Partner } caller when caller.Name == partner => Limited(decision, caller),
            { Kind: CallerKind.Partner } => AccessDecision.Refuse(AccessRefusal.NotFound, "No such partner", $"There is no partner {partner} for this key."),
            { } caller when caller.Reviews(partner) => decision,
            _ => AccessDecision.Refuse(AccessRefusal.Forbidden, "Not a reviewer of this partner", "The reviewer's key is not scoped to this partner."),
        };
    }

    private AccessDecision ThroughGateway(IReadOnlyList<string?> partnerHeaders, string? gatewaySecret)
    {
        var expected = Encoding.UTF8.GetBytes(options.Value.GatewaySecret ?? "");
        if (gatewaySecret is null || !CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(gatewaySecret)))
        {
            return AccessDecision.Refuse(AccessRefusal.Unauthenticated, "Not through the gateway", "Send requests through the API gateway with your subscription key.");
        }

        return partnerHeaders is [{ } partner] && BatchRef.IsValidPartner(partner)
            ? AccessDecision.Allow(Caller.Partner(partner, "gateway"))
            : AccessDecision.Refuse(AccessRefusal.Unauthenticated, "Unknown partner", $"The gateway did not name exactly one partner in {AccessHeaders.PartnerId}.");
    }

    private async Task<AccessDecision> KeyAsync(string? authorization, CancellationToken cancellationToken)
    {
        const string Bearer = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return AccessDecision.Refuse(AccessRefusal.Unauthenticated, "Key required", "Send your API key as 'Authorization: Bearer <key>'.");
        }

        if (!ApiKey.TryParse(authorization[Bearer.Length..].Trim(), out var key))
        {
            return AccessDecision.Refuse(AccessRefusal.Unauthenticated, "Not an API key", "The bearer token is not an API key of this service (xk_p_… or xk_r_…).");
        }

        var credential = await VerifiedAsync(key, cancellationToken).ConfigureAwait(false);
        if (credential is null || !credential.IsValidAt(time.GetUtcNow()))
        {
            return AccessDecision.Refuse(AccessRefusal.Unauthenticated, "Key not valid",
                $"Key {key.Prefix} is unknown, revoked or expired; ask for a new one.");
        }

        return AccessDecision.Allow(new Caller(credential.Kind, credential.Name, credential.Partners, credential.Prefix));
    }

    private async Task<StoredCredential?> VerifiedAsync(ApiKey key, CancellationToken cancellationToken)
    {
        var cacheKey = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())));
        var now = time.GetUtcNow();
        var freshFor = TimeSpan.FromSeconds(options.Value.KeyCacheSeconds);
        if (_verified.TryGetValue(cacheKey, out var seen) && now - seen.ReadAt < freshFor)
        {
            return seen.Credential;
        }

        var credential = await store.VerifyAsync(key, cancellationToken).ConfigureAwait(false);
        if (_verified.Count >= MaxCached)
        {
            // Only what is stale goes: a flood of made-up keys must not evict the real ones still in use.
            foreach (var stale in _verified.Where(e => now - e.Value.ReadAt >= freshFor).Select(e => e.Key).ToList())
            {
                _verified.TryRemove(stale, out _);
            }
        }

        _verified[cacheKey] = (credential, now);
        return credential;
    }
}
