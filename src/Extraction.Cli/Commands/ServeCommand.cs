using System.Net;
using Extraction.Cli.Local;
using Extraction.Cli.Serve;
using Extraction.Functions.Triggers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract serve</c>: the Functions app's HTTP API on loopback without Core Tools — every route calls
/// the very trigger class the Functions host would, with the in-process Durable engine and Azurite.
/// </summary>
public static class ServeCommand
{
    public const string Usage = "extract serve [--port 7071] [--Section:Key=value ...]";

    internal static async Task<int> RunAsync(CliArgs args, TextWriter output, TextWriter progress, CancellationToken cancellationToken)
    {
        var port = args.GetInt("port", 7071, max: 65_535);
        await using var session = await LocalSession.StartAsync(args.ConfigOverrides, progress, cancellationToken).ConfigureAwait(false);
        await using var app = Build(session.Services, port);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"Serving the extraction API on http://127.0.0.1:{port}/api (Ctrl+C stops it).").ConfigureAwait(false);
        // The web host takes SIGINT/SIGTERM for itself: stop when it is told to stop, or on the CLI's Ctrl+C.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, app.Lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return 0;
    }

    /// <summary>The routes of the Functions app, each handing the request to its trigger class.</summary>
    public static WebApplication Build(IServiceProvider services, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var client = services.GetRequiredService<DurableTaskClient>();
        T Trigger<T>() => ActivatorUtilities.CreateInstance<T>(services);

        Map(app, "POST", "/api/batches", (request, _, ct) => Trigger<StartBatchHttp>().RunAsync(request, client, ct));
        Map(app, "GET", "/api/batches/{batchId}", (request, route, ct) => Trigger<BatchesHttp>().GetAsync(request, route["batchId"], client, ct));
        Map(app, "GET", "/api/batches/{batchId}/results", (request, route, ct) => Trigger<BatchesHttp>().ResultsAsync(request, route["batchId"], client, ct));
        Map(app, "POST", "/api/batches/{batchId}/cancel", (request, route, ct) => Trigger<BatchesHttp>().CancelAsync(request, route["batchId"], client, ct));
        Map(app, "GET", "/api/reviews", (request, _, ct) => Trigger<ReviewHttp>().ListAsync(request, ct));
        Map(app, "POST", "/api/batches/{batchId}/accounts/{accountId}/correction", (request, route, ct) => Trigger<ReviewHttp>().CorrectAsync(request, route["batchId"], route["accountId"], ct));
        var realtime = Trigger<RealtimeHttp>();
        Map(app, "POST", "/api/extract", (request, _, ct) => realtime.RunAsync(request, ct));
        return app;

        void Map(WebApplication web, string method, string pattern, Func<HttpRequestData, IReadOnlyDictionary<string, string>, CancellationToken, Task<HttpResponseData>> handler) =>
            web.MapMethods(pattern, [method], async (HttpContext http) =>
            {
                var request = new ServedHttpRequest(new ServedFunctionContext(services), http.Request);
                var route = http.Request.RouteValues.ToDictionary(v => v.Key, v => Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
                var response = (ServedHttpResponse)await handler(request, route, http.RequestAborted);
                await response.CopyToAsync(http.Response, http.RequestAborted);
            });
    }
}
