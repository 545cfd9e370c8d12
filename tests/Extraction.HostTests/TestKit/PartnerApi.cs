using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Extraction.HostTests.TestKit;

/// <summary>The partner's side of the HTTP API, through the host: start a batch, wait for it, read its results page by page.</summary>
internal sealed class PartnerApi(FunctionsHost host, string partner = "acme")
{
    public async Task<HttpResponseMessage> StartAsync(IEnumerable<string> lines, string? idempotencyKey = null)
    {
        var request = host.PartnerRequest(HttpMethod.Post, "api/batches", partner, new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"));
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using (request)
        {
            return await host.Http.SendAsync(request);
        }
    }

    /// <summary>Starts a batch and returns its id, failing with the host's log when the answer is not 202 with a Location.</summary>
    public async Task<string> StartBatchAsync(IEnumerable<string> lines)
    {
        using var response = await StartAsync(lines);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST /api/batches: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}\n{host.RecentLog}");
        return BatchIdOf(response);
    }

    public static string BatchIdOf(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException("A 202 without a Location header.");
        return location.Segments[^1];
    }

    public async Task<JsonElement> StatusAsync(string batchId)
    {
        using var request = host.PartnerRequest(HttpMethod.Get, $"api/batches/{batchId}", partner);
        using var response = await host.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET /api/batches/{batchId}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Polls the batch's status until it has ended; the status as last read.</summary>
    public async Task<JsonElement> WaitAsync(string batchId, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var status = await StatusAsync(batchId);
            if (status.GetProperty("runtimeStatus").GetString() is "Completed" or "Failed" or "Terminated")
            {
                return status;
            }

            Assert.True(clock.Elapsed < timeout, $"Batch {batchId} had not ended after {timeout.TotalSeconds:0} s: {status}\n{host.RecentLog}");
            await Task.Delay(500);
        }
    }

    /// <summary>Every result line, following <c>x-continuation-token</c> from page to page; and how many pages there were.</summary>
    public async Task<(List<JsonElement> Results, int Pages)> ResultsAsync(string batchId, int pageSize)
    {
        var results = new List<JsonElement>();
        string? token = null;
        var pages = 0;
        do
        {
            using var request = host.PartnerRequest(HttpMethod.Get, $"api/batches/{batchId}/results?pageSize={pageSize}", partner);
            if (token is not null)
            {
                request.Headers.Add("x-continuation-token", token);
            }

            using var response = await host.Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"GET results: {(int)response.StatusCode} {body}");
            pages++;
            results.AddRange(body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()));
            token = response.Headers.TryGetValues("x-continuation-token", out var values) ? values.Single() : null;
        }
        while (token is not null);
        return (results, pages);
    }
}
