using Extraction.Core.Storage;
using Microsoft.Azure.Functions.Worker.Http;

namespace Extraction.Functions.Http;

/// <summary>The calling partner, from the <c>x-partner-id</c> header, until per-partner authentication lands.</summary>
internal static class PartnerHeader
{
    public const string Name = "x-partner-id";

    public static string? Read(HttpRequestData request)
    {
        var partner = request.Headers.TryGetValues(Name, out var values) ? values.FirstOrDefault() : null;
        return BatchRef.IsValidPartner(partner) ? partner : null;
    }
}
