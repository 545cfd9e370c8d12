using System.Net;
using System.Text;
using System.Text.Json;
using Extraction.Core.Access;
using Extraction.Core.Contracts;
using Extraction.Core.Tests;
using Extraction.HostTests.TestKit;
using Extraction.ModelEmulator;

namespace Extraction.HostTests;

/// <summary>
/// The partner API as Azure serves it: the Functions host's HTTP front door, its function keys and its gRPC hop to the
/// worker, with Durable Functions on the Azure Storage backend in Azurite and the model emulator as Azure OpenAI.
/// Partner routes are anonymous at the host; callers prove who they are with their own API keys, which the app checks.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class HttpThroughHostTests(RunningHost running) : IClassFixture<RunningHost>
{
    private readonly PartnerApi _api = new(running.Host);

    [HostFact]
    public async Task Without_an_api_key_every_route_is_401_with_a_partner_header_a_wrong_key_or_the_hosts_function_key()
    {
        var routes = new (HttpMethod Method, string Path)[]
        {
            (HttpMethod.Post, "api/batches"), (HttpMethod.Get, "api/batches/b1"), (HttpMethod.Get, "api/batches/b1/results"),
            (HttpMethod.Post, "api/batches/b1/cancel"), (HttpMethod.Post, "api/extract"), (HttpMethod.Get, "api/reviews"),
            (HttpMethod.Get, "api/partners/acme/reviews"), (HttpMethod.Post, "api/partners/acme/batches/b1/accounts/a1/correction"),
        };
        var acme = await running.App.KeyAsync("acme");

        foreach (var (method, path) in routes)
        {
            using var headerAlone = Request(method, path);
            headerAlone.Headers.Add("x-partner-id", "acme");
            using var wrongKey = Request(method, path);
            wrongKey.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", acme[..^4] + (acme.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"));
            using var functionKey = Request(method, path);
            functionKey.Headers.Add("x-functions-key", running.Host.FunctionKey);

            foreach (var request in new[] { headerAlone, wrongKey, functionKey })
            {
                using var response = await running.Host.Http.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
            }
        }

        static HttpRequestMessage Request(HttpMethod method, string path) =>
            new(method, path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
    }

    [HostFact]
    public async Task One_partners_key_finds_nothing_of_anothers_batch_and_cannot_correct_its_own_accounts()
    {
        var batchId = await _api.StartBatchAsync(ReferenceSamples.BatchLines().Take(3));
        await _api.WaitAsync(batchId, TimeSpan.FromMinutes(2));
        await running.App.KeyAsync("globex");
        var globex = new[] { (HttpMethod.Get, $"api/batches/{batchId}"), (HttpMethod.Get, $"api/batches/{batchId}/results"), (HttpMethod.Post, $"api/batches/{batchId}/cancel") };

        foreach (var (method, path) in globex)
        {
            using var request = running.Host.PartnerRequest(method, path, "globex");
            using var response = await running.Host.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var accountId = JsonDocument.Parse(ReferenceSamples.BatchLines()[0]).RootElement.GetProperty("accountId").GetString();
        using var correction = running.Host.PartnerRequest(HttpMethod.Post, $"api/partners/acme/batches/{batchId}/accounts/{accountId}/correction",
            content: new StringContent("{}", Encoding.UTF8, "application/json"));
        using var corrected = await running.Host.Http.SendAsync(correction);
        Assert.Equal(HttpStatusCode.Forbidden, corrected.StatusCode);
    }

    [HostFact]
    public async Task An_operator_purges_a_partner_with_the_master_key_and_its_batch_is_gone_and_a_partner_key_cannot_purge()
    {
        var partner = $"p{Guid.NewGuid():N}"[..12];
        await running.App.KeyAsync(partner);
        var batchId = await new PartnerApi(running.Host, partner).StartBatchAsync(ReferenceSamples.BatchLines().Take(2));
        await new PartnerApi(running.Host, partner).WaitAsync(batchId, TimeSpan.FromMinutes(2));

        using var byPartner = running.Host.PartnerRequest(HttpMethod.Delete, $"api/partners/{partner}?by=ops", partner);
        using var refused = await running.Host.Http.SendAsync(byPartner);
        using var byOperator = new HttpRequestMessage(HttpMethod.Delete, $"api/partners/{partner}?by=ops");
        byOperator.Headers.Add("x-functions-key", running.Host.MasterKey);
        using var purged = await running.Host.Http.SendAsync(byOperator);
        var report = JsonDocument.Parse(await purged.Content.ReadAsStringAsync()).RootElement;
        using var afterwards = running.Host.PartnerRequest(HttpMethod.Get, $"api/batches/{batchId}", partner);
        using var status = await running.Host.Http.SendAsync(afterwards);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, purged.StatusCode);
        Assert.Equal(2, report.GetProperty("removed").GetProperty("results rows").GetInt32());
        Assert.Equal(1, report.GetProperty("removed").GetProperty("partner keys").GetInt32());
        // Its key was deleted; a worker that verified it in the last Auth:KeyCacheSeconds still lets it in, to find nothing.
        Assert.True(status.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized, $"{(int)status.StatusCode}");
    }

    [HostFact]
    public async Task A_batch_started_with_the_key_completes_and_its_results_come_page_by_page_one_per_line()
    {
        var lines = ReferenceSamples.BatchLines().Take(24).ToList();
        using var started = await _api.StartAsync(lines);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal(running.Host.BaseAddress.Authority, started.Headers.Location!.Authority);
        var batchId = PartnerApi.BatchIdOf(started);

        var status = await _api.WaitAsync(batchId, TimeSpan.FromMinutes(2));
        var (results, pages) = await _api.ResultsAsync(batchId, pageSize: 10);

        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        Assert.Equal(24, status.GetProperty("counts").GetProperty("total").GetInt32());
        Assert.Equal(3, pages);
        Assert.Equal(AccountIds(lines), results.Select(r => r.GetProperty("accountId").GetString()!).Order(StringComparer.Ordinal));
    }

    [HostFact]
    public async Task The_same_idempotency_key_eight_times_at_once_is_one_batch_answered_once_per_account()
    {
        var lines = ReferenceSamples.BatchLines().Skip(30).Take(12).ToList();
        var callsBefore = running.App.Emulator.CallsTo(HostedApp.Student);
        var key = $"retry-{Guid.NewGuid():N}";

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _api.StartAsync(lines, key)));
        var batchIds = responses.Select(r => r.StatusCode == HttpStatusCode.Accepted ? PartnerApi.BatchIdOf(r) : $"status {(int)r.StatusCode}").Distinct().ToList();
        await _api.WaitAsync(batchIds[0], TimeSpan.FromMinutes(2));
        var (results, _) = await _api.ResultsAsync(batchIds[0], pageSize: 100);

        Assert.Single(batchIds);
        Assert.Equal(AccountIds(lines), results.Select(r => r.GetProperty("accountId").GetString()!).Order(StringComparer.Ordinal));
        var answered = results.Count(r => r.GetProperty("status").GetString() != "invalid_input");
        Assert.Equal(answered, running.App.Emulator.CallsTo(HostedApp.Student) - callsBefore);
    }

    [HostFact]
    public async Task A_running_batch_is_cancelled_and_every_account_still_has_one_result()
    {
        running.App.Emulator.Latency = TimeSpan.FromMilliseconds(400);
        try
        {
            var lines = ReferenceSamples.BatchLines().Take(150).ToList();
            var batchId = await _api.StartBatchAsync(lines);
            await WaitForCallsAsync(3);

            using var cancel = running.Host.PartnerRequest(HttpMethod.Post, $"api/batches/{batchId}/cancel");
            using var cancelled = await running.Host.Http.SendAsync(cancel);
            using var again = running.Host.PartnerRequest(HttpMethod.Post, $"api/batches/{batchId}/cancel");
            using var cancelledAgain = await running.Host.Http.SendAsync(again);
            var status = await _api.WaitAsync(batchId, TimeSpan.FromMinutes(1));
            var (results, _) = await _api.ResultsAsync(batchId, pageSize: 1000);
            // Calls in flight at the cancel answer afterwards; their accounts stay as the cancel closed them.
            await Task.Delay(running.App.Emulator.Latency + TimeSpan.FromSeconds(1));
            var (later, _) = await _api.ResultsAsync(batchId, pageSize: 1000);

            Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, cancelledAgain.StatusCode);
            Assert.Equal("Terminated", status.GetProperty("runtimeStatus").GetString());
            Assert.Equal(AccountIds(lines), results.Select(r => r.GetProperty("accountId").GetString()!).Order(StringComparer.Ordinal));
            Assert.Contains(results, r => r.GetProperty("status").GetString() == "failed");
            Assert.Equal(StatusesOf(results), StatusesOf(later));
        }
        finally
        {
            running.App.Emulator.Latency = TimeSpan.Zero;
        }
    }

    [HostFact]
    public async Task Extract_answers_one_account_in_the_request()
    {
        var line = ReferenceSamples.BatchLines()[0];
        var accountId = JsonDocument.Parse(line).RootElement.GetProperty("accountId").GetString();
        using var request = running.Host.PartnerRequest(HttpMethod.Post, "api/extract", content: new StringContent(line, Encoding.UTF8, "application/json"));

        using var response = await running.Host.Http.SendAsync(request);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(accountId, result.GetProperty("accountId").GetString());
        Assert.Equal("extracted", result.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Object, result.GetProperty("fields").ValueKind);
    }

    [HostFact]
    public async Task An_answer_neither_model_gets_right_is_listed_in_the_review_queue_with_its_failed_checks()
    {
        // Both deployments invent the payoff figure: the checks fail it twice and a person must look.
        var invent = Behaviour.Corrupt(f => f with { PayoffAmount = 987_654.32m });
        running.App.Emulator.Default(HostedApp.Student, invent);
        running.App.Emulator.Default(HostedApp.Teacher, invent);
        try
        {
            var line = ReferenceSamples.BatchLines().First(l => l.Contains("\"auto_loan\"", StringComparison.Ordinal));
            var batchId = await _api.StartBatchAsync([line]);
            await _api.WaitAsync(batchId, TimeSpan.FromMinutes(2));
            using var list = running.Host.PartnerRequest(HttpMethod.Get, $"api/reviews?batchId={batchId}");
            using var response = await running.Host.Http.SendAsync(list);
            var items = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("items");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var item = Assert.Single(items.EnumerateArray());
            Assert.Equal(JsonDocument.Parse(line).RootElement.GetProperty("accountId").GetString(), item.GetProperty("accountId").GetString());
            Assert.Contains("grounded", item.GetProperty("failedChecks").EnumerateArray().Select(c => c.GetString()));

            // A reviewer of acme corrects it under its own key; the result names the reviewer from the key.
            var accountId = item.GetProperty("accountId").GetString()!;
            using var correction = new HttpRequestMessage(HttpMethod.Post, $"api/partners/acme/batches/{batchId}/accounts/{accountId}/correction")
            {
                Content = new StringContent(ContractJson.Serialize(ReferenceSamples.Gold()[accountId]), Encoding.UTF8, "application/json"),
            };
            correction.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await running.App.KeyAsync("carol", CallerKind.Reviewer, "acme"));
            using var corrected = await running.Host.Http.SendAsync(correction);
            var result = await corrected.Content.ReadAsStringAsync();
            Assert.True(corrected.StatusCode == HttpStatusCode.OK, result);
            Assert.Equal("human:carol", JsonDocument.Parse(result).RootElement.GetProperty("model").GetString());
        }
        finally
        {
            running.App.Emulator.Default(HostedApp.Student, Behaviour.Good);
            running.App.Emulator.Default(HostedApp.Teacher, Behaviour.Good);
        }
    }

    private static List<string> AccountIds(IEnumerable<string> lines) =>
        [.. lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("accountId").GetString()!).Order(StringComparer.Ordinal)];

    private static List<string> StatusesOf(IEnumerable<JsonElement> results) =>
        [.. results.Select(r => $"{r.GetProperty("accountId").GetString()} {r.GetProperty("status").GetString()}").Order(StringComparer.Ordinal)];

    private async Task WaitForCallsAsync(int count)
    {
        var before = running.App.Emulator.Calls.Count;
        for (var waited = 0; running.App.Emulator.Calls.Count - before < count && waited < 600; waited++)
        {
            await Task.Delay(100);
        }
    }
}
