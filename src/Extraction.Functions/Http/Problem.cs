using System.Text.Json;
using Extraction.Core.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Extraction.Functions.Http;

/// <summary>RFC 9457 problem details: what went wrong, in words a partner's developer can act on.</summary>
public static class Problem
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>A problem the core named, with the status code of its kind.</summary>
    public static IActionResult Of(RequestProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var status = problem.Kind switch
        {
            RequestProblemKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
            RequestProblemKind.UnsupportedType => StatusCodes.Status415UnsupportedMediaType,
            RequestProblemKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status400BadRequest,
        };
        return Of(status, problem.Title, problem.Detail);
    }

    public static IActionResult Of(int status, string title, string detail) => new ContentResult
    {
        StatusCode = status,
        ContentType = "application/problem+json",
        Content = JsonSerializer.Serialize(new ProblemDetails { Type = "about:blank", Title = title, Status = status, Detail = detail }, Web),
    };
}
