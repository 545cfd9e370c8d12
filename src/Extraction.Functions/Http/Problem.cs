using System.Net;
using Microsoft.Azure.Functions.Worker.Http;

namespace Extraction.Functions.Http;

/// <summary>RFC 9457 problem details: what went wrong, in words a partner's developer can act on.</summary>
internal static class Problem
{
    public static async Task<HttpResponseData> CreateAsync(HttpRequestData request, HttpStatusCode status, string title, string detail)
    {
        var response = request.CreateResponse(status);
        response.Headers.Add("Content-Type", "application/problem+json");
        await response.WriteStringAsync(System.Text.Json.JsonSerializer.Serialize(new
        {
            type = "about:blank",
            title,
            status = (int)status,
            detail,
        }));
        return response;
    }
}
