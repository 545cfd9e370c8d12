using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Extraction.Core.Tests;
using Extraction.IntegrationTests.TestKit;

namespace Extraction.IntegrationTests;

/// <summary>`extract serve`: the Functions HTTP API over real HTTP on loopback, without Core Tools.</summary>
public sealed class ServeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task The_served_api_starts_a_batch_reports_it_pages_its_results_and_extracts_one_account()
    {
        await using var served = await ServedApi.StartAsync(azurite);
        var http = served.Http;

        using var batch = new StringContent(string.Join("\n", ReferenceSamples.BatchLines().Take(5)), Encoding.UTF8);
        batch.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        var started = await http.PostAsync("batches?batchId=served-1", batch);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.NotNull(started.Headers.Location);

        JsonElement status = default;
        for (var i = 0; i < 100; i++)
        {
            status = JsonDocument.Parse(await http.GetStringAsync("batches/served-1")).RootElement;
            if (status.GetProperty("runtimeStatus").GetString() == "Completed")
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal(5, status.GetProperty("counts").GetProperty("extracted").GetInt32());
        var results = await http.GetAsync("batches/served-1/results?pageSize=2");
        Assert.Equal("application/x-ndjson", results.Content.Headers.ContentType!.MediaType);
        Assert.Equal(2, (await results.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.True(results.Headers.Contains("x-continuation-token"));

        using var one = new StringContent(ReferenceSamples.BatchLines()[9], Encoding.UTF8, "application/json");
        var extracted = await http.PostAsync("extract", one);
        Assert.Equal(HttpStatusCode.OK, extracted.StatusCode);
        Assert.Equal("extracted", JsonDocument.Parse(await extracted.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());

        http.DefaultRequestHeaders.Authorization = null;
        var anonymous = await http.GetAsync("batches/served-1");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Serve_on_a_busy_port_says_so_in_one_line_and_exits_2_without_a_stack_trace()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (code, stdout, stderr) = await CliRunner.RunAsync(["serve", "--port", $"{port}", $"--Storage:ConnectionString={azurite.ConnectionString}"]);

        Assert.Equal(2, code);
        Assert.Contains($"Port {port} is in use on 127.0.0.1", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }
}
