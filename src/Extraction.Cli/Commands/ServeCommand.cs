using System.Net;
using Extraction.Cli.Local;
using Extraction.Functions.Triggers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract serve</c>: the Functions app's HTTP API on loopback without Core Tools — every route calls
/// the very trigger class the Functions host would (ASP.NET Core integration: the same HttpRequest in,
/// the same result out), with the in-process Durable engine and Azurite.
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

        // One way to stop: Ctrl+C or SIGTERM (both cancel the CLI's token), then an orderly shutdown of both hosts and Azurite.
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
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
        // The command owns the signals (see RunAsync); the web host must not take them for itself.
        builder.Services.AddSingleton<IHostLifetime, NoSignalsLifetime>();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var client = services.GetRequiredService<DurableTaskClient>();
        T Trigger<T>() => ActivatorUtilities.CreateInstance<T>(services);
        var realtime = Trigger<RealtimeHttp>();

        Map("POST", "/api/batches", (http, ct) => Trigger<StartBatchHttp>().RunAsync(http.Request, client, ct));
        Map("GET", "/api/batches/{batchId}", (http, ct) => Trigger<BatchesHttp>().GetAsync(http.Request, Route(http, "batchId"), client, ct));
        Map("GET", "/api/batches/{batchId}/results", (http, ct) => Trigger<BatchesHttp>().ResultsAsync(http.Request, Route(http, "batchId"), client, ct));
        Map("POST", "/api/batches/{batchId}/cancel", (http, ct) => Trigger<BatchesHttp>().CancelAsync(http.Request, Route(http, "batchId"), client, ct));
        Map("GET", "/api/reviews", (http, ct) => Trigger<ReviewHttp>().ListAsync(http.Request, ct));
        Map("POST", "/api/batches/{batchId}/accounts/{accountId}/correction", (http, ct) => Trigger<ReviewHttp>().CorrectAsync(http.Request, Route(http, "batchId"), Route(http, "accountId"), ct));
        Map("POST", "/api/extract", (http, ct) => realtime.RunAsync(http.Request, ct));
        return app;

        void Map(string method, string pattern, Func<HttpContext, CancellationToken, Task<IActionResult>> handler) =>
            app.MapMethods(pattern, [method], async (HttpContext http) =>
            {
                // The triggers answer with ContentResult only, so no MVC result executors are needed here.
                var result = (ContentResult)await handler(http, http.RequestAborted);
                http.Response.StatusCode = result.StatusCode ?? StatusCodes.Status200OK;
                http.Response.ContentType = result.ContentType;
                await http.Response.WriteAsync(result.Content ?? "", http.RequestAborted);
            });

        static string Route(HttpContext http, string name) => Convert.ToString(http.Request.RouteValues[name], System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
