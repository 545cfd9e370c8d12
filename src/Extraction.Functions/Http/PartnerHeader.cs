using Extraction.Core.Contracts;
using Extraction.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Extraction.Functions.Http;

/// <summary>The calling partner, from the <c>x-partner-id</c> header API Management sets (see the README).</summary>
internal static class PartnerHeader
{
    public const string Name = "x-partner-id";

    /// <summary>The partner, or null when the header is missing, invalid, or sent more than once (no value wins).</summary>
    public static string? Read(HttpRequest request)
    {
        var values = request.Headers[Name];
        return values.Count == 1 && BatchRef.IsValidPartner(values[0]) ? values[0] : null;
    }

    public static IActionResult Missing() =>
        Problem.Of(StatusCodes.Status401Unauthorized, "Unknown partner", $"Send the {Name} header exactly once: {BatchRef.PartnerRule}.");
}
