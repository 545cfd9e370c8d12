using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Extraction.IntegrationTests.TestKit;

/// <summary>
/// HTTP requests as the Functions host hands them to a trigger with ASP.NET Core integration (a real
/// <see cref="HttpRequest"/> of a <see cref="DefaultHttpContext"/>), and what the trigger answered.
/// </summary>
internal static class HttpCall
{
    /// <param name="key">The API key sent as <c>Authorization: Bearer</c>; none where null.</param>
    public static HttpRequest Request(string method, string url, string? body = null, string? key = null, string? contentType = null)
    {
        var uri = new Uri(url);
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        http.Request.Scheme = uri.Scheme;
        http.Request.Host = new HostString(uri.Authority);
        http.Request.Path = uri.AbsolutePath;
        http.Request.QueryString = new QueryString(uri.Query);
        var bytes = Encoding.UTF8.GetBytes(body ?? "");
        http.Request.Body = new MemoryStream(bytes);
        http.Request.ContentLength = bytes.Length;
        http.Request.ContentType = contentType;
        if (key is not null)
        {
            http.Request.Headers.Authorization = $"Bearer {key}";
        }

        return http.Request;
    }

    public static (int Status, string Body, string? ContentType) Read(IActionResult result)
    {
        var content = Assert.IsType<ContentResult>(result);
        return (content.StatusCode ?? 200, content.Content ?? "", content.ContentType);
    }
}
