using Extraction.Cli.Commands;
using Extraction.Cli.Local;
using Microsoft.AspNetCore.Builder;

namespace Extraction.IntegrationTests.TestKit;

/// <summary><c>extract serve</c>'s web app over a pipeline on loopback, and a client that calls it as one partner, with its key.</summary>
/// <param name="Key">The partner's API key the client sends.</param>
internal sealed record ServedApi(Pipeline Pipeline, WebApplication App, HttpClient Http, string Key) : IAsyncDisposable
{
    public static async Task<ServedApi> StartAsync(AzuriteFixture azurite, string partner = "acme", IDictionary<string, string?>? settings = null)
    {
        var pipeline = await Pipeline.StartAsync(azurite, settings);
        var port = LocalEngine.FreeLoopbackPort();
        var app = ServeCommand.Build(pipeline.Services, port);
        await app.StartAsync();
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/api/"), Timeout = TimeSpan.FromMinutes(2) };
        var key = await pipeline.KeyAsync(partner);
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return new ServedApi(pipeline, app, http, key);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
        await Pipeline.DisposeAsync();
    }
}
