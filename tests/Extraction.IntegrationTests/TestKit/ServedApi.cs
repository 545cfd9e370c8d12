using Extraction.Cli.Commands;
using Extraction.Cli.Local;
using Microsoft.AspNetCore.Builder;

namespace Extraction.IntegrationTests.TestKit;

/// <summary><c>extract serve</c>'s web app over a pipeline on loopback, and a client that calls it as one partner.</summary>
internal sealed record ServedApi(Pipeline Pipeline, WebApplication App, HttpClient Http) : IAsyncDisposable
{
    public static async Task<ServedApi> StartAsync(AzuriteFixture azurite, string partner = "acme", IDictionary<string, string?>? settings = null)
    {
        var pipeline = await Pipeline.StartAsync(azurite, settings);
        var port = LocalEngine.FreeLoopbackPort();
        var app = ServeCommand.Build(pipeline.Services, port);
        await app.StartAsync();
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/api/"), Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("x-partner-id", partner);
        return new ServedApi(pipeline, app, http);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
        await Pipeline.DisposeAsync();
    }
}
