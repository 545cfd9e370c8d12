using Extraction.Core.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace Extraction.Functions.Http;

internal static class Json
{
    /// <summary>A response in the contracts' own JSON form (camelCase, snake_case enums).</summary>
    public static IActionResult Of<T>(int status, T value) =>
        new ContentResult { StatusCode = status, ContentType = "application/json", Content = ContractJson.Serialize(value) };
}
