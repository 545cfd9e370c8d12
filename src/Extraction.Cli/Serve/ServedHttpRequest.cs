using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace Extraction.Cli.Serve;

/// <summary>An ASP.NET Core request as the Functions HTTP trigger classes take it.</summary>
internal sealed class ServedHttpRequest : HttpRequestData
{
    public ServedHttpRequest(FunctionContext context, HttpRequest request) : base(context)
    {
        Body = request.Body;
        Url = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}");
        Method = request.Method;
        foreach (var (name, values) in request.Headers)
        {
            Headers.TryAddWithoutValidation(name, values.ToArray());
        }
    }

    public override Stream Body { get; }
    public override HttpHeadersCollection Headers { get; } = [];
    public override IReadOnlyCollection<IHttpCookie> Cookies { get; } = [];
    public override Uri Url { get; }
    public override IEnumerable<ClaimsIdentity> Identities { get; } = [];
    public override string Method { get; }

    public override HttpResponseData CreateResponse() => new ServedHttpResponse(FunctionContext);
}

/// <summary>A trigger's response, kept until it is copied to the ASP.NET Core response.</summary>
internal sealed class ServedHttpResponse(FunctionContext context) : HttpResponseData(context)
{
    public override HttpStatusCode StatusCode { get; set; } = HttpStatusCode.OK;
    public override HttpHeadersCollection Headers { get; set; } = [];
    public override Stream Body { get; set; } = new MemoryStream();
    public override HttpCookies Cookies => throw new NotSupportedException("The API sets no cookies.");

    public async Task CopyToAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = (int)StatusCode;
        foreach (var header in Headers)
        {
            response.Headers[header.Key] = header.Value.ToArray();
        }

        Body.Position = 0;
        await Body.CopyToAsync(response.Body, cancellationToken);
    }
}
