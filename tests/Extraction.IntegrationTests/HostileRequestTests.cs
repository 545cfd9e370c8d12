using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Extraction.Cli.Commands;
using Extraction.Core.Contracts;
using Extraction.Core.Orchestration;
using Extraction.Core.Tests;
using Extraction.IntegrationTests.TestKit;

namespace Extraction.IntegrationTests;

/// <summary>
/// What an attacker or a broken client sends to <c>extract serve</c> over real HTTP: every refusal is
/// problem+json naming the problem, no request mixes partners' data or wedges a batch.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class HostileRequestTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const long MaxRequestBytes = 40_000_000;

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("x%0A")]
    public async Task A_batch_id_of_dots_or_with_a_trailing_newline_is_refused_and_starts_nothing(string batchId)
    {
        var partner = $"dots-{Guid.NewGuid():N}";
        await using var served = await ServedAsync(partner);

        var answer = await served.Http.PostAsync($"batches?batchId={batchId}", Ndjson(ReferenceSamples.BatchLines().Take(2)));

        await AssertProblemAsync(answer, HttpStatusCode.BadRequest, "not only dots");
        await foreach (var blob in served.Pipeline.Storage.Container(served.Pipeline.StorageOptions.BatchesContainer).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{partner}", default))
        {
            Assert.Fail($"staged {blob.Name}");
        }
    }

    [Fact]
    public async Task Eight_concurrent_posts_with_one_idempotency_key_start_one_batch_that_completes()
    {
        await using var served = await ServedAsync();
        var lines = ReferenceSamples.BatchLines().Take(6).ToList();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "batches") { Content = Ndjson(lines) };
            request.Headers.Add("Idempotency-Key", "order-race-1");
            return await served.Http.SendAsync(request);
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.StatusCode));
        var batch = new BatchRef("acme", BatchRequestReader.IdForKey("order-race-1"));
        var status = await served.Pipeline.WaitAsync(BatchInput.InstanceIdFor(batch));
        Assert.Equal("Completed", status.RuntimeStatus.ToString());
        Assert.Equal(6, (await served.Pipeline.ResultsOfAsync(batch)).Count);
    }

    [Fact]
    public async Task The_same_idempotency_key_with_other_accounts_is_a_409_not_the_first_batch()
    {
        await using var served = await ServedAsync();
        async Task<HttpResponseMessage> Post(IEnumerable<string> lines)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "batches") { Content = Ndjson(lines) };
            request.Headers.Add("Idempotency-Key", "order-7782");
            return await served.Http.SendAsync(request);
        }

        var first = await Post(ReferenceSamples.BatchLines().Take(2));
        var again = await Post(ReferenceSamples.BatchLines().Take(2));
        var other = await Post(ReferenceSamples.BatchLines().Skip(2).Take(2));

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, again.StatusCode));
        await AssertProblemAsync(other, HttpStatusCode.Conflict, "different accounts");
    }

    [Fact]
    public async Task Invalid_utf8_in_an_account_sent_for_real_time_extraction_is_refused_by_name_not_a_500()
    {
        await using var served = await ServedAsync();
        var account = Encoding.UTF8.GetBytes("""{"accountId":"rt-1","liabilityType":"auto_loan","source":{"kind":"statement","text":"Payoff amount é $10.00"}}""");
        account[Array.IndexOf(account, (byte)0xC3)] = 0xFF;
        using var body = new ByteArrayContent(account);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var answer = await served.Http.PostAsync("extract", body);

        Assert.NotEqual(HttpStatusCode.InternalServerError, answer.StatusCode);
        Assert.Contains("not valid UTF-8", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pageSize=abc")]
    [InlineData("pageSize=1e3")]
    [InlineData("pageSize=10.5")]
    [InlineData("pageSize=2147483648")]
    [InlineData("pageSize=-1")]
    [InlineData("pageSize=5&pageSize=6")]
    [InlineData("continuationToken=garbage")]
    [InlineData("continuationToken=1%202")]
    public async Task Malformed_paging_is_a_400_naming_the_parameter(string query)
    {
        await using var served = await ServedAsync();
        await served.Http.PostAsync("batches?batchId=paged", Ndjson(ReferenceSamples.BatchLines().Take(3)));

        var answer = await served.Http.GetAsync($"batches/paged/results?{query}");

        await AssertProblemAsync(answer, HttpStatusCode.BadRequest, query.StartsWith("page", StringComparison.Ordinal) ? "pageSize" : "continuation");
    }

    [Fact]
    public async Task A_well_formed_token_for_an_unknown_batch_is_still_a_404_and_pages_join_up()
    {
        await using var served = await ServedAsync();
        await served.Http.PostAsync("batches?batchId=paged2", Ndjson(ReferenceSamples.BatchLines().Take(5)));
        await served.Pipeline.WaitAsync(BatchInput.InstanceIdFor(new BatchRef("acme", "paged2")));

        var unknown = await served.Http.GetAsync("batches/nobody/results?continuationToken=000000002");
        var lines = new List<string>();
        string? token = null;
        do
        {
            var page = await served.Http.GetAsync($"batches/paged2/results?pageSize=2{(token is null ? "" : $"&continuationToken={token}")}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            lines.AddRange((await page.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
            token = page.Headers.TryGetValues(BatchesHttpHeader, out var values) ? values.Single() : null;
        }
        while (token is not null);

        await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "nobody");
        Assert.Equal(5, lines.Distinct().Count());
    }

    [Fact]
    public async Task Two_partner_headers_or_two_keys_are_refused_even_when_each_alone_would_pass()
    {
        await using var served = await ServedAsync();
        using var twoPartners = new HttpRequestMessage(HttpMethod.Get, "batches/any");
        twoPartners.Headers.Add("x-partner-id", ["evil", "acme"]);
        using var twoKeys = new HttpRequestMessage(HttpMethod.Get, "batches/any");
        twoKeys.Headers.TryAddWithoutValidation("Authorization", [$"Bearer {served.Key}", $"Bearer {served.Key}"]);

        await AssertProblemAsync(await served.Http.SendAsync(twoPartners), HttpStatusCode.BadRequest, "another partner than the key belongs to");
        await AssertProblemAsync(await served.Http.SendAsync(twoKeys), HttpStatusCode.Unauthorized, "API key");
    }

    [Fact]
    public async Task Serve_applies_the_apps_body_limit_and_not_kestrels_30_MB_default()
    {
        await using var served = await ServedAsync();
        // 35 MB of blank lines: over Kestrel's default, under the app's limit, so the app itself answers.
        using var blank = new ByteArrayContent(Encoding.ASCII.GetBytes(new string('\n', 35_000_000)));
        blank.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        using var over = new HttpRequestMessage(HttpMethod.Post, "batches?batchId=bigger") { Content = new ByteArrayContent(new byte[MaxRequestBytes + 1_000]) };
        over.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        // As a careful client does with a big body: ask first, so the refusal arrives before the bytes are sent.
        over.Headers.ExpectContinue = true;

        var underLimit = await served.Http.PostAsync("batches?batchId=big", blank);
        var overLimit = await served.Http.SendAsync(over);

        await AssertProblemAsync(underLimit, HttpStatusCode.BadRequest, "no account");
        await AssertProblemAsync(overLimit, HttpStatusCode.RequestEntityTooLarge, $"{MaxRequestBytes:N0}");
    }

    [Fact]
    public async Task A_long_target_and_oversized_headers_are_refused_as_problem_details()
    {
        await using var served = await ServedAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "batches/any");
        request.Headers.Add("x-padding", new string('a', ServeCommand.MaxHeaderBytes + 10));

        var longTarget = await served.Http.GetAsync($"batches/any?pad={new string('a', ServeCommand.MaxTargetBytes + 10)}");
        var bigHeaders = await served.Http.SendAsync(request);

        await AssertProblemAsync(longTarget, HttpStatusCode.RequestUriTooLong, "Path and query");
        await AssertProblemAsync(bigHeaders, HttpStatusCode.RequestHeaderFieldsTooLarge, "headers");
    }

    private const string BatchesHttpHeader = Functions.Triggers.BatchesHttp.ContinuationHeader;

    private static StringContent Ndjson(IEnumerable<string> lines) => new(string.Join("\n", lines), Encoding.UTF8, "application/x-ndjson");

    private static async Task AssertProblemAsync(HttpResponseMessage answer, HttpStatusCode status, string detailContains)
    {
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(status == answer.StatusCode, $"expected {(int)status}, got {(int)answer.StatusCode}: {body}");
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
        Assert.Contains(detailContains, detail, StringComparison.OrdinalIgnoreCase);
    }

    private Task<ServedApi> ServedAsync(string partner = "acme") =>
        ServedApi.StartAsync(azurite, partner, new Dictionary<string, string?> { ["Batch:MaxRequestBytes"] = $"{MaxRequestBytes}" });
}
