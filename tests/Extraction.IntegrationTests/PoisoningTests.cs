using System.Text.Json;
using Extraction.Core.Access;
using Extraction.Core.Contracts;
using Extraction.Core.Review;
using Extraction.Core.Tests;
using Extraction.Core.Training;
using Extraction.Functions.Triggers;
using Extraction.IntegrationTests.TestKit;
using Microsoft.Extensions.DependencyInjection;
using static Extraction.IntegrationTests.TestKit.ModelUnderTest;

namespace Extraction.IntegrationTests;

/// <summary>
/// The attack issue 28 found, replayed: values in no document, pushed as corrections so the next fine-tune learns
/// them. A partner cannot correct at all; one reviewer's ungrounded values are kept and audited but not taught
/// until a second reviewer confirms them.
/// </summary>
public sealed class PoisoningTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const decimal Planted = 424_242.42m;
    private ModelEmulator.ModelEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await ModelEmulator.ModelEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Planted_values_reach_the_export_only_when_a_second_reviewer_confirms_them_and_a_partner_key_plants_nothing()
    {
        var settings = Settings(_emulator);
        settings["Training:MinExamplesPerFile"] = "1";
        settings["Training:Gate:HoldOutPercent"] = "0";
        await using var pipeline = await Pipeline.StartAsync(azurite, settings);
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        var lines = ReferenceSamples.BatchLines().Where(l => l.Contains("\"auto_loan\"", StringComparison.Ordinal)).Take(20).ToList();
        var outcome = await pipeline.RunFileAsync(new BatchRef("acme", "planted"), await Pipeline.WriteBatchFileAsync([.. lines]));
        Assert.True(outcome.Succeeded, outcome.Failure);
        var accounts = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("accountId").GetString()!).ToList();
        var http = ActivatorUtilities.CreateInstance<ReviewHttp>(pipeline.Services);
        var (acme, mallory, bob) = (await pipeline.KeyAsync("acme"), await pipeline.KeyAsync("mallory", CallerKind.Reviewer, "acme"), await pipeline.KeyAsync("bob", CallerKind.Reviewer, "acme"));

        var byPartner = new List<int>();
        var byOneReviewer = new List<int>();
        foreach (var account in accounts)
        {
            byPartner.Add((await CorrectAsync(http, acme, account)).Status);
            byOneReviewer.Add((await CorrectAsync(http, mallory, account)).Status);
        }

        var afterOne = await ExportedAsync(pipeline, since);
        var confirmed = await CorrectAsync(http, bob, accounts[0]);
        var afterTwo = await ExportedAsync(pipeline, since);
        var audit = await pipeline.Services.GetRequiredService<CorrectionAudit>().ReadAsync("acme", DateOnly.FromDateTime(DateTime.UtcNow));
        var queue = new List<ReviewItem>();
        await foreach (var item in pipeline.Services.GetRequiredService<ReviewQueue>().ListAsync("acme", "planted"))
        {
            queue.Add(item);
        }

        Assert.All(byPartner, s => Assert.Equal(403, s));
        Assert.All(byOneReviewer, s => Assert.Equal(200, s));
        Assert.DoesNotContain(afterOne, l => l.Contains("424242.42", StringComparison.Ordinal));
        Assert.Equal(200, confirmed.Status);
        Assert.Single(afterTwo, l => l.Contains("424242.42", StringComparison.Ordinal));
        // The audit has every correction, with the values before and after; the queue shows what still waits for a second person.
        Assert.Equal(21, audit.Count);
        Assert.Equal(20, audit.Count(e => e.Reviewer == "mallory" && e.Reopened && e.Outcome == ReviewService.AwaitingSecondReviewer && e.FieldsAfter.PayoffAmount == Planted));
        Assert.Single(audit, e => e.Reviewer == "bob" && e.Outcome == ReviewService.Confirmed && e.AccountId == accounts[0]);
        Assert.All(audit, e => Assert.Contains(GroundingCheckName, e.Overridden));
        Assert.Equal(accounts.Skip(1).Order(StringComparer.Ordinal), queue.Select(i => i.AccountId).Order(StringComparer.Ordinal));
        Assert.All(queue, i => Assert.Equal("mallory", i.ProposedBy));
    }

    private const string GroundingCheckName = Core.Checks.GroundingCheck.CheckName;

    private static async Task<(int Status, string Body, string? ContentType)> CorrectAsync(ReviewHttp http, string key, string accountId)
    {
        var fields = FieldsJson.Of(("payoffAmount", Planted), ("accountLast4", "9999"));
        var request = HttpCall.Request("POST", $"https://x/api/partners/acme/batches/planted/accounts/{accountId}/correction?reopen=true", fields, key, "application/json");
        return HttpCall.Read(await http.CorrectAsync(request, "acme", "planted", accountId, default));
    }

    /// <summary>Every line the retraining export writes for the window, train and validation.</summary>
    private static async Task<List<string>> ExportedAsync(Pipeline pipeline, DateTimeOffset since)
    {
        var folder = Directory.CreateTempSubdirectory("poison-").FullName;
        var until = DateTimeOffset.UtcNow.AddMinutes(1);
        await pipeline.Services.GetRequiredService<TrainingExporter>().ExportAsync(since, until, new LocalFolderSink(folder));
        return [.. Directory.GetFiles(folder, "*.jsonl", SearchOption.AllDirectories).SelectMany(File.ReadAllLines)];
    }
}
