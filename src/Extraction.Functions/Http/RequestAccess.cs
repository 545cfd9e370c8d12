using Extraction.Core.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Extraction.Functions.Http;

/// <summary>
/// Who sends a request, asked by every partner and reviewer route before it reads anything else. The host lets
/// these routes through (<c>AuthorizationLevel.Anonymous</c>): the app, not a shared function key, decides —
/// see docs/security.md.
/// </summary>
internal static class RequestAccess
{
    public static Task<AccessDecision> PartnerAsync(this CallerAuthenticator access, HttpRequest request, CancellationToken cancellationToken) =>
        access.PartnerAsync(Authorization(request), [.. request.Headers[AccessHeaders.PartnerId]], Single(request, AccessHeaders.GatewaySecret), cancellationToken);

    public static Task<AccessDecision> ReviewerAsync(this CallerAuthenticator access, HttpRequest request, string partner, CancellationToken cancellationToken) =>
        access.ReviewerAsync(Authorization(request), partner, cancellationToken);

    public static Task<AccessDecision> PartnerOrReviewerAsync(this CallerAuthenticator access, HttpRequest request, string partner, CancellationToken cancellationToken) =>
        access.PartnerOrReviewerAsync(Authorization(request), partner, cancellationToken);

    /// <summary>The refusal as problem details: 401 (with <c>WWW-Authenticate</c>), 403, 400, 404 or 429 (with <c>Retry-After</c>).</summary>
    public static IActionResult Refused(HttpRequest request, AccessDecision decision)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(decision);
        var status = decision.Refusal switch
        {
            AccessRefusal.Forbidden => StatusCodes.Status403Forbidden,
            AccessRefusal.PartnerMismatch => StatusCodes.Status400BadRequest,
            AccessRefusal.NotFound => StatusCodes.Status404NotFound,
            AccessRefusal.TooManyRequests => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status401Unauthorized,
        };
        if (status == StatusCodes.Status401Unauthorized)
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        }

        if (decision.RetryAfter is { } wait)
        {
            request.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Problem.Of(status, decision.Title, decision.Detail);
    }

    private static string? Authorization(HttpRequest request) => Single(request, "Authorization");

    /// <summary>A header sent exactly once; sent twice, no value wins.</summary>
    private static string? Single(HttpRequest request, string name) => request.Headers[name] is { Count: 1 } values ? values[0] : null;
}
