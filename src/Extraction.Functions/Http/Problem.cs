using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Extraction.Functions.Http;

/// <summary>RFC 9457 problem details: what went wrong, in words a partner's developer can act on.</summary>
public static class Problem
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static IActionResult Of(int status, string title, string detail) => new ContentResult
    {
        StatusCode = status,
        ContentType = "application/problem+json",
        Content = JsonSerializer.Serialize(new ProblemDetails { Type = "about:blank", Title = title, Status = status, Detail = detail }, Web),
    };
}
