using System.CommandLine;
using System.Net;
using Extraction.Cli.CommandLine;
using Extraction.Cli.Local;
using Extraction.Core.Configuration;
using Extraction.Functions.Http;
using Extraction.Functions.Triggers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract serve</c>: the Functions app's HTTP API on loopback without Core Tools — every route calls
/// the very trigger class the Functions host would (ASP.NET Core integration: the same HttpRequest in,
/// the same result out), with the in-process Durable engine and Azurite.
/// </summary>
public static class ServeCommand
{
    internal static Verb Create(CliContext cli)
    {
        var port = CliOptions.Whole("--port", "the loopback port", 7071, max: 65_535);
        var diagnostics = new Option<bool>("--diagnostics") { Description = "also serve GET /diagnostics/memory: a full collection, then the resident set, managed heap and budget scopes (extract bench-serve-memory reads it)" };
        var verb = new Verb("serve", "Serve the HTTP API on loopback through the Functions trigger classes (no Core Tools needed).",
            "extract serve --port 7071",
            "KEY=$(extract partners add acme | tail -1)",
            "curl -X POST http://127.0.0.1:7071/api/batches -H \"Authorization: Bearer $KEY\" -H 'Content-Type: application/x-ndjson' --data-binary @samples/sample-batch.jsonl")
        {
            port, diagnostics,
        };
        return verb.Runs(cli, (parse, cli, cancellationToken) => RunAsync(parse.GetValue(port), parse.GetValue(diagnostics), cli, cancellationToken));
    }

    private static async Task<int> RunAsync(int port, bool diagnostics, CliContext cli, CancellationToken cancellationToken)
    {
        var (output, progress) = (cli.Output, cli.Progress);
        await using var session = await LocalSession.StartAsync(cli.Overrides, progress, cancellationToken).ConfigureAwait(false);
        await using var app = Build(session.Services, port);
        if (diagnostics)
        {
            var budgets = session.Services.GetRequiredService<Core.Budgets.BudgetGuard>();
            app.MapGet("/diagnostics/memory", () =>
            {
                // Twice, with the finalizers between: what survives is what the process holds, not garbage not yet collected.
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                return Results.Json(new { rssBytes = Environment.WorkingSet, managedBytes = GC.GetTotalMemory(forceFullCollection: false), budgetScopes = budgets.ScopeCount });
            });
        }

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await progress.WriteLineAsync($"Port {port} is in use on 127.0.0.1: stop what listens there, or choose another with --port.").ConfigureAwait(false);
            return 2;
        }

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

    /// <summary>A request target (path and query) longer than this is refused with 414.</summary>
    public const int MaxTargetBytes = 8 * 1024;

    /// <summary>Headers larger than this in total are refused with 431.</summary>
    public const int MaxHeaderBytes = 32 * 1024;

    /// <summary>The routes of the Functions app, each handing the request to its trigger class.</summary>
    public static WebApplication Build(IServiceProvider services, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // The command owns the signals (see RunAsync); the web host must not take them for itself.
        builder.Services.AddSingleton<IHostLifetime, NoSignalsLifetime>();
        var maxBody = services.GetRequiredService<IOptions<BatchOptions>>().Value.MaxRequestBytes;
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, port);
            // The app's own limits answer first (with problem details); Kestrel's sit just above them as a backstop.
            o.Limits.MaxRequestBodySize = maxBody + 1;
            o.Limits.MaxRequestLineSize = MaxTargetBytes * 2;
            o.Limits.MaxRequestHeadersTotalSize = MaxHeaderBytes * 2;
        });
        var app = builder.Build();
        // Before any answer goes out (the app's, routing's, a refusal's), the rest of an unread body is dealt with.
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() => FinishBodyAsync(http));
            return next(http);
        });
        app.Use(RefuseOversizedAsync);
        // Routing's own refusals (no such route, wrong method) come without a body: give them the API's form.
        app.UseStatusCodePages(context =>
        {
            var http = context.HttpContext;
            var status = http.Response.StatusCode;
            var (title, detail) = status switch
            {
                StatusCodes.Status404NotFound => ("No such endpoint", $"{http.Request.Method} {http.Request.Path} is not an endpoint of this API (see docs/openapi.yaml)."),
                StatusCodes.Status405MethodNotAllowed => ("Method not allowed", $"{http.Request.Path} does not take {http.Request.Method}."),
                _ => ("Request refused", $"The request was refused with HTTP {status}."),
            };
            var problem = (ContentResult)Problem.Of(status, title, detail);
            http.Response.ContentType = problem.ContentType;
            return http.Response.WriteAsync(problem.Content!, http.RequestAborted);
        });
        var client = services.GetRequiredService<DurableTaskClient>();
        T Trigger<T>() => ActivatorUtilities.CreateInstance<T>(services);
        var realtime = Trigger<RealtimeHttp>();

        Map("POST", Routes.Batches, (http, ct) => Trigger<StartBatchHttp>().RunAsync(http.Request, client, ct));
        Map("GET", Routes.Batch, (http, ct) => Trigger<BatchesHttp>().GetAsync(http.Request, Route(http, "batchId"), client, ct));
        Map("GET", Routes.BatchResults, (http, ct) => Trigger<BatchesHttp>().ResultsAsync(http.Request, Route(http, "batchId"), client, ct));
        Map("POST", Routes.BatchCancel, (http, ct) => Trigger<BatchesHttp>().CancelAsync(http.Request, Route(http, "batchId"), client, ct));
        Map("GET", Routes.Reviews, (http, ct) => Trigger<ReviewHttp>().ListAsync(http.Request, ct));
        Map("GET", Routes.PartnerReviews, (http, ct) => Trigger<ReviewHttp>().ListForPartnerAsync(http.Request, Route(http, "partner"), ct));
        Map("GET", Routes.AccountReview, (http, ct) => Trigger<ReviewHttp>().ReviewAsync(http.Request, Route(http, "partner"), Route(http, "batchId"), Route(http, "accountId"), ct));
        Map("POST", Routes.Correction, (http, ct) => Trigger<ReviewHttp>().CorrectAsync(http.Request, Route(http, "partner"), Route(http, "batchId"), Route(http, "accountId"), ct));
        Map("POST", Routes.Extract, (http, ct) => realtime.RunAsync(http.Request, ct));
        return app;

        void Map(string method, string pattern, Func<HttpContext, CancellationToken, Task<IActionResult>> handler) =>
            app.MapMethods($"/{Routes.Prefix}/{pattern}", [method], async (HttpContext http) =>
            {
                ContentResult result;
                try
                {
                    // The triggers answer with ContentResult only, so no MVC result executors are needed here.
                    result = (ContentResult)await handler(http, http.RequestAborted);
                }
                catch (BadHttpRequestException ex)
                {
                    // Kestrel's own refusals while the body is read (too large, cut off): the app's form, not a bare status.
                    result = (ContentResult)Problem.Of(ex.StatusCode, "Bad request body", ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                        ? $"A request may carry at most {maxBody:N0} bytes."
                        : "The request body could not be read to its end.");
                }

                http.Response.StatusCode = result.StatusCode ?? StatusCodes.Status200OK;
                http.Response.ContentType = result.ContentType;
                await http.Response.WriteAsync(result.Content ?? "", http.RequestAborted);
            });

        static string Route(HttpContext http, string name) => Convert.ToString(http.Request.RouteValues[name], System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>
    /// A request refused before its body was read (no partner, a bad id, a wrong content type) leaves the
    /// body on the connection. Kestrel drains it after the response, and a client that sends its next request
    /// on that connection meanwhile sometimes saw it closed under it (found by scripts/fuzz). So a small rest
    /// is read here, before answering; a large one is not worth reading, and the answer closes the connection.
    /// </summary>
    private static async Task FinishBodyAsync(HttpContext http)
    {
        const int MaxDrainBytes = 1024 * 1024;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            var drained = 0;
            int read;
            while (drained <= MaxDrainBytes && (read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted).ConfigureAwait(false)) > 0)
            {
                drained += read;
            }

            if (drained > MaxDrainBytes)
            {
                http.Response.Headers.Connection = "close";
            }
        }
        catch (BadHttpRequestException)
        {
            http.Response.Headers.Connection = "close";
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Refusals by size that Kestrel would otherwise answer bare: the same limits, as problem details.</summary>
    private static async Task RefuseOversizedAsync(HttpContext http, RequestDelegate next)
    {
        var request = http.Request;
        var target = request.Path.Value?.Length + request.QueryString.Value?.Length ?? 0;
        var headers = request.Headers.Sum(h => h.Key.Length + h.Value.Sum(v => v?.Length ?? 0) + 4);
        var refusal = target > MaxTargetBytes
            ? Problem.Of(StatusCodes.Status414UriTooLong, "Request target too long", $"Path and query may have at most {MaxTargetBytes:N0} characters.")
            : headers > MaxHeaderBytes
                ? Problem.Of(StatusCodes.Status431RequestHeaderFieldsTooLarge, "Headers too large", $"The headers may have at most {MaxHeaderBytes:N0} characters in all.")
                : null;
        if (refusal is ContentResult result)
        {
            http.Response.StatusCode = result.StatusCode!.Value;
            http.Response.ContentType = result.ContentType;
            await http.Response.WriteAsync(result.Content!, http.RequestAborted).ConfigureAwait(false);
            return;
        }

        await next(http).ConfigureAwait(false);
    }
}
