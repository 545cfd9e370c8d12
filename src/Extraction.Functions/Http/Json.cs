using System.Net;
using Extraction.Core.Contracts;
using Microsoft.Azure.Functions.Worker.Http;

namespace Extraction.Functions.Http;

internal static class Json
{
    /// <summary>A response in the contracts' own JSON form (camelCase, snake_case enums).</summary>
    public static async Task<HttpResponseData> CreateAsync<T>(HttpRequestData request, HttpStatusCode status, T value)
    {
        var response = request.CreateResponse(status);
        response.Headers.Add("Content-Type", "application/json");
        await response.WriteStringAsync(ContractJson.Serialize(value));
        return response;
    }
}
