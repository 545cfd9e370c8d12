using Extraction.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Extraction.Functions.Http;

/// <summary>The calling partner, from the <c>x-partner-id</c> header API Management sets (see the README).</summary>
internal static class PartnerHeader
{
    public const string Name = "x-partner-id";

    public static string? Read(HttpRequest request)
    {
        var partner = request.Headers[Name].FirstOrDefault();
        return BatchRef.IsValidPartner(partner) ? partner : null;
    }

    public static IActionResult Missing() => Problem.Of(StatusCodes.Status401Unauthorized, "Unknown partner", $"Send the {Name} header: 1–63 characters of a-z 0-9 and -.");
}
