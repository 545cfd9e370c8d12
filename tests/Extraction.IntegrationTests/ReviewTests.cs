using System.Text.Json;
using Extraction.Core.Access;
using Extraction.Core.Contracts;
using Extraction.Core.Review;
using Extraction.Core.Storage;
using Extraction.Core.Tests;
using Extraction.Functions.Triggers;
using Extraction.IntegrationTests.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Extraction.IntegrationTests;

/// <summary>The review queue: needs_review accounts wait per partner and batch until a person corrects them.</summary>
public sealed class ReviewTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    /// <summary>A payoff letter that never says until when its payoff is good: the expected_fields check fails.</summary>
    private const string Incomplete = """{"accountId":"needs-1","liabilityType":"auto_loan","asOf":"2026-03-01","source":{"kind":"payoff_letter","text":"Ally Financial\nLoan number: XXXXXX4242\nTotal Payoff Amount $5,210.44"}}""";

    private static readonly string FirstSample = JsonDocument.Parse(ReferenceSamples.BatchLines()[0]).RootElement.GetProperty("accountId").GetString()!;

    /// <summary>A date the letter never states: one reviewer's word.</summary>
    private static readonly string Correction = FieldsJson.Of(("payoffAmount", 5210.44m), ("payoffGoodThrough", "2026-03-31"), ("accountLast4", "4242"));

    /// <summary>Every value written in the letter.</summary>
    private static readonly string Grounded = FieldsJson.Of(("payoffAmount", 5210.44m), ("accountLast4", "4242"));

    [Fact]
    public async Task A_needs_review_account_waits_in_the_queue_until_a_correction_makes_it_extracted_and_a_verified_label()
    {
        await using var pipeline = await Pipeline.StartAsync(azurite);
        var batch = new BatchRef("acme", "review-1");
        await pipeline.RunFileAsync(batch, await Pipeline.WriteBatchFileAsync(ReferenceSamples.BatchLines()[0], Incomplete));
        var queue = pipeline.Services.GetRequiredService<ReviewQueue>();

        var waiting = await ListAsync(queue, "acme", "review-1");

        var item = Assert.Single(waiting);
        Assert.Equal(("needs-1", 2), (item.AccountId, item.Line));
        Assert.Contains("expected_fields", item.FailedChecks);
        Assert.Empty(await ListAsync(queue, "other-partner", null));

        var outcome = await pipeline.Services.GetRequiredService<ReviewService>().CorrectAsync(batch, "needs-1", Grounded, "alice");

        Assert.Equal(CorrectionStatus.Corrected, outcome.Status);
        var stored = (await pipeline.Results.GetAsync(batch, 2))!;
        Assert.Equal((ResultStatus.Extracted, "human:alice", 5210.44m), (stored.Status, stored.Model, stored.Fields!.PayoffAmount));
        Assert.Null(stored.Reason);
        // The checks ran again on alice's fields: every value is in the letter; the good-through date it never states
        // is hers to leave out, and says so.
        Assert.All(stored.Checks, c => Assert.True(c.Passed, c.Name));
        Assert.Contains(stored.Checks, c => c.Name == "expected_fields" && c.Detail!.StartsWith("overridden by alice: ", StringComparison.Ordinal));
        Assert.Contains(stored.Checks, c => c is { Name: "human_review", Passed: true, Detail: "fields set by alice; overrode expected_fields" });
        Assert.Empty(await ListAsync(queue, "acme", "review-1"));
        var label = await pipeline.Storage.LabelsTable.GetEntityAsync<Azure.Data.Tables.TableEntity>("acme", "review-1|000000002");
        Assert.Equal(("alice", "human", true), (label.Value.GetString("Reviewer"), label.Value.GetString("Source"), label.Value.GetBoolean("Taught")));
        // The label's document is copied out of the raw container, whose retention rule would take it away.
        var kept = label.Value.GetString("RawOutput")!;
        Assert.StartsWith($"{pipeline.StorageOptions.LabelledContainer}/", kept, StringComparison.Ordinal);
        Assert.Equal("needs-1", (await pipeline.Services.GetRequiredService<RawRecordStore>().ReadAsync(kept))!.AccountId);
        Assert.Equal(stored.Fields, ContractJson.Deserialize<ExtractedFields>(label.Value.GetString("Fields")));
    }

    [Fact]
    public async Task A_value_the_document_does_not_state_waits_for_a_second_reviewer_before_it_is_taught()
    {
        await using var pipeline = await Pipeline.StartAsync(azurite);
        var batch = new BatchRef("acme", "review-4");
        await pipeline.RunFileAsync(batch, await Pipeline.WriteBatchFileAsync(Incomplete));
        var (queue, reviews) = (pipeline.Services.GetRequiredService<ReviewQueue>(), pipeline.Services.GetRequiredService<ReviewService>());

        var first = await reviews.CorrectAsync(batch, "needs-1", Correction, "alice");
        var waiting = Assert.Single(await ListAsync(queue, "acme", "review-4"));
        var firstLabel = await LabelAsync(pipeline, "review-4|000000001");
        var again = await reviews.CorrectAsync(batch, "needs-1", Correction, "alice");
        var other = await reviews.CorrectAsync(batch, "needs-1", Correction.Replace("2026-03-31", "2026-03-30", StringComparison.Ordinal), "bob");
        var confirmed = await reviews.CorrectAsync(batch, "needs-1", Correction.Replace("2026-03-31", "2026-03-30", StringComparison.Ordinal), "carol");

        Assert.Equal(CorrectionStatus.Corrected, first.Status);
        Assert.Equal(ResultStatus.Extracted, first.Result!.Status);
        Assert.Contains(first.Result.Checks, c => c.Name == "human_review" && c.Detail!.EndsWith("not taught until a second reviewer confirms the values the document does not state", StringComparison.Ordinal));
        Assert.Equal("alice", waiting.ProposedBy);
        Assert.False(firstLabel.GetBoolean("Taught"));
        // The same reviewer twice is still one person; a second reviewer with other values proposes anew.
        var audit = (await pipeline.Services.GetRequiredService<CorrectionAudit>().ReadAsync("acme", DateOnly.FromDateTime(DateTime.UtcNow))).Where(e => e.BatchId == "review-4").ToList();
        Assert.Equal([CorrectionStatus.Corrected, CorrectionStatus.Corrected, CorrectionStatus.Corrected], new[] { again.Status, other.Status, confirmed.Status });
        Assert.Equal(
            [("alice", ReviewService.AwaitingSecondReviewer), ("alice", ReviewService.AwaitingSecondReviewer), ("bob", ReviewService.AwaitingSecondReviewer), ("carol", ReviewService.Confirmed)],
            audit.Select(e => (e.Reviewer, e.Outcome)));
        Assert.Equal(("needs_review", "extracted"), (audit[0].StatusBefore, audit[1].StatusBefore));
        Assert.Equal(new DateOnly(2026, 3, 30), audit[3].FieldsAfter.PayoffGoodThrough);
        Assert.Contains(confirmed.Result!.Checks, c => c.Name == "human_review" && c.Detail!.EndsWith("confirmed by bob", StringComparison.Ordinal));
        Assert.Empty(await ListAsync(queue, "acme", "review-4"));
        Assert.True((await LabelAsync(pipeline, "review-4|000000001")).GetBoolean("Taught"));
    }

    private static async Task<Azure.Data.Tables.TableEntity> LabelAsync(Pipeline pipeline, string row) =>
        (await pipeline.Storage.LabelsTable.GetEntityAsync<Azure.Data.Tables.TableEntity>("acme", row)).Value;

    [Fact]
    public async Task A_correction_that_is_not_fields_v1_or_names_no_such_account_or_an_invalid_line_is_refused()
    {
        await using var pipeline = await Pipeline.StartAsync(azurite);
        var batch = new BatchRef("acme", "review-2");
        await pipeline.RunFileAsync(batch, await Pipeline.WriteBatchFileAsync(Incomplete, """{"accountId":"broken","liabilityType":"boat"}"""));
        var reviews = pipeline.Services.GetRequiredService<ReviewService>();

        var badFields = await reviews.CorrectAsync(batch, "needs-1", Correction.Replace("\"2026-03-31\"", "\"31/03/2026\"", StringComparison.Ordinal), "alice");
        var missing = await reviews.CorrectAsync(batch, "nobody", Correction, "alice");
        var invalid = await reviews.CorrectAsync(batch, "broken", Correction, "alice");

        Assert.Equal(CorrectionStatus.InvalidFields, badFields.Status);
        Assert.Contains("payoffGoodThrough must be a yyyy-MM-dd date", badFields.Problem, StringComparison.Ordinal);
        Assert.Equal(CorrectionStatus.NotFound, missing.Status);
        Assert.Equal(CorrectionStatus.NotCorrectable, invalid.Status);
        Assert.Equal(ResultStatus.NeedsReview, (await pipeline.Results.GetAsync(batch, 1))!.Status);
    }

    [Fact]
    public async Task A_reviewer_corrects_a_queued_account_under_its_own_name_and_partners_list_only_their_own_queue()
    {
        await using var pipeline = await Pipeline.StartAsync(azurite);
        await pipeline.RunFileAsync(new BatchRef("acme", "review-3"), await Pipeline.WriteBatchFileAsync(ReferenceSamples.BatchLines()[0], Incomplete));
        var http = ActivatorUtilities.CreateInstance<ReviewHttp>(pipeline.Services);
        var (acme, globex) = (await pipeline.KeyAsync("acme"), await pipeline.KeyAsync("globex"));
        var (carol, globexReviewer) = (await pipeline.KeyAsync("carol", CallerKind.Reviewer, "acme"), await pipeline.KeyAsync("gina", CallerKind.Reviewer, "globex"));

        var own = HttpCall.Read(await http.ListAsync(HttpCall.Request("GET", "https://x/api/reviews?batchId=review-3", key: acme), default));
        var byReviewer = HttpCall.Read(await http.ListForPartnerAsync(HttpCall.Request("GET", "https://x/api/partners/acme/reviews", key: carol), "acme", default));
        var byOtherPartner = HttpCall.Read(await http.ListForPartnerAsync(HttpCall.Request("GET", "https://x/api/partners/acme/reviews", key: globex), "acme", default));
        var byOtherReviewer = HttpCall.Read(await http.ListForPartnerAsync(HttpCall.Request("GET", "https://x/api/partners/acme/reviews", key: globexReviewer), "acme", default));
        var shown = HttpCall.Read(await http.ReviewAsync(HttpCall.Request("GET", "https://x/api/partners/acme/batches/review-3/accounts/needs-1/review", key: carol), "acme", "review-3", "needs-1", default));
        var shownToOther = HttpCall.Read(await http.ReviewAsync(HttpCall.Request("GET", "https://x/api/partners/acme/batches/review-3/accounts/needs-1/review", key: globex), "acme", "review-3", "needs-1", default));
        var byPartnerKey = await CorrectAsync(http, acme, "needs-1");
        var byOutOfScopeReviewer = await CorrectAsync(http, globexReviewer, "needs-1");
        var notQueued = await CorrectAsync(http, carol, FirstSample);
        var corrected = await CorrectAsync(http, carol, "needs-1", claimedReviewer: "mallory");
        var reopened = await CorrectAsync(http, carol, FirstSample, "?reopen=true");

        Assert.Equal(200, own.Status);
        Assert.Equal("needs-1", Assert.Single(JsonDocument.Parse(own.Body).RootElement.GetProperty("items").EnumerateArray()).GetProperty("accountId").GetString());
        Assert.Equal(own.Body, byReviewer.Body);
        Assert.Equal((404, 403), (byOtherPartner.Status, byOtherReviewer.Status));
        // The reviewer sees the fields in doubt with the document's own lines (here: the date the letter never states, and no line names it).
        Assert.Equal((200, 404), (shown.Status, shownToOther.Status));
        var evidence = JsonDocument.Parse(shown.Body).RootElement.GetProperty("evidence");
        Assert.Contains(evidence.EnumerateArray(), e => e.GetProperty("field").GetString() == "payoffGoodThrough" && e.GetProperty("value").ValueKind == JsonValueKind.Null);
        Assert.Equal((403, 403), (byPartnerKey.Status, byOutOfScopeReviewer.Status));
        Assert.Contains("partner key cannot correct", byPartnerKey.Body, StringComparison.Ordinal);
        Assert.Equal(409, notQueued.Status);
        Assert.Contains("not waiting for review", notQueued.Body, StringComparison.Ordinal);
        Assert.Equal(200, corrected.Status);
        // The reviewer is the key's owner; a header claiming another name is not read.
        Assert.Equal(("extracted", "human:carol"), Model(corrected.Body));
        Assert.Equal((200, "human:carol"), (reopened.Status, Model(reopened.Body).Model));
        Assert.Equal(404, (await CorrectAsync(http, carol, "nobody", "?reopen=true")).Status);
    }

    private static async Task<(int Status, string Body, string? ContentType)> CorrectAsync(ReviewHttp http, string key, string accountId, string query = "", string? claimedReviewer = null)
    {
        var request = HttpCall.Request("POST", $"https://x/api/partners/acme/batches/review-3/accounts/{accountId}/correction{query}", Correction, key, "application/json");
        if (claimedReviewer is not null)
        {
            request.Headers["x-reviewer"] = claimedReviewer;
        }

        return HttpCall.Read(await http.CorrectAsync(request, "acme", "review-3", accountId, default));
    }

    private static (string Status, string Model) Model(string result)
    {
        var root = JsonDocument.Parse(result).RootElement;
        return (root.GetProperty("status").GetString()!, root.GetProperty("model").GetString()!);
    }

    [Fact]
    public async Task Extract_review_lists_and_corrects_from_the_command_line()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        string[] storage =
        [
            $"--Storage:ConnectionString={azurite.ConnectionString}", $"--Storage:ResultsTable=rv{id}", $"--Storage:ReviewsTable=rq{id}",
            $"--Storage:LabelsTable=lb{id}", $"--Storage:BatchesContainer=rv-b-{id}", $"--Storage:RawContainer=rv-r-{id}", $"--Storage:WorkContainer=rv-w-{id}",
        ];
        var batchFile = await Pipeline.WriteBatchFileAsync(Incomplete);
        var fieldsFile = Path.ChangeExtension(batchFile, ".fields.json");
        await File.WriteAllTextAsync(fieldsFile, Grounded);
        Assert.Equal(0, (await CliRunner.RunAsync(["run", batchFile, "--partner", "acme", "--batch-id", "cli-review", "--out", batchFile + ".out", .. storage])).Code);

        var listed = await CliRunner.RunAsync(["review", "list", "--partner", "acme", .. storage]);
        var shown = await CliRunner.RunAsync(["review", "show", "--partner", "acme", "--batch", "cli-review", "--account", "needs-1", .. storage]);
        var corrected = await CliRunner.RunAsync(["review", "correct", "--partner", "acme", "--batch", "cli-review", "--account", "needs-1", "--fields", fieldsFile, "--reviewer", "carol", .. storage]);
        var after = await CliRunner.RunAsync(["review", "list", "--partner", "acme", "--batch", "cli-review", .. storage]);

        Assert.Contains("cli-review\tline 1\tneeds-1\texpected_fields", listed.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("needs-1\tneeds_review\t", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains("  payoffGoodThrough = (not in the answer)", shown.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, corrected.Code);
        Assert.Contains("\"model\":\"human:carol\"", corrected.Stdout, StringComparison.Ordinal);
        Assert.Contains("0 account(s) waiting for review.", after.Stdout, StringComparison.Ordinal);
    }

    private static async Task<List<ReviewItem>> ListAsync(ReviewQueue queue, string partner, string? batchId)
    {
        var items = new List<ReviewItem>();
        await foreach (var item in queue.ListAsync(partner, batchId))
        {
            items.Add(item);
        }

        return items;
    }
}
