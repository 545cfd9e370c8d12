using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Extraction.Cli.Local;
using Extraction.Core.Access;
using Extraction.Core.Contracts;
using Extraction.Core.Partners;
using Extraction.Core.Review;
using Extraction.Core.Tests;
using Extraction.Core.Training;
using Extraction.IntegrationTests.TestKit;
using Microsoft.Extensions.DependencyInjection;
using static Extraction.IntegrationTests.TestKit.ModelUnderTest;

namespace Extraction.IntegrationTests;

/// <summary>A partner's data can be deleted: every place it reaches, the Durable task hub included.</summary>
public sealed class PartnerPurgeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private ModelEmulator.ModelEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await ModelEmulator.ModelEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task After_a_purge_a_scan_of_every_container_and_table_finds_nothing_of_the_partner_but_the_purge_record()
    {
        var settings = Settings(_emulator);
        settings["Training:MinExamplesPerFile"] = "1";
        settings["Training:ValidationPercent"] = "0";
        settings["Training:Gate:HoldOutPercent"] = "0";
        settings["Budget:PartnerDailyUsd"] = "100";
        await using var pipeline = await Pipeline.StartAsync(azurite, settings, engine: DurableOptions.AzureStorage);
        var partner = $"gone{Guid.NewGuid():N}"[..16];
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        // Every document names the partner, so a scan for it finds any copy of a document too.
        var lines = ReferenceSamples.BatchLines().Take(6).Select((l, i) => Mark(l, partner, i)).Append(Mark(NeedsPerson, partner, 99)).ToArray();
        var outcome = await pipeline.RunFileAsync(new BatchRef(partner, "b1"), await Pipeline.WriteBatchFileAsync(lines));
        Assert.True(outcome.Succeeded, outcome.Failure);
        await pipeline.Storage.Container(pipeline.StorageOptions.IncomingContainer).UploadBlobAsync($"{partner}/later.jsonl", BinaryData.FromString(lines[0]));
        await pipeline.KeyAsync(partner);
        await pipeline.KeyAsync("rev-one", CallerKind.Reviewer, partner);
        await pipeline.KeyAsync("rev-two", CallerKind.Reviewer, partner, "acme");
        var corrected = await pipeline.Services.GetRequiredService<ReviewService>().CorrectAsync(
            new BatchRef(partner, "b1"), $"{partner}-99", FieldsJson.Of(("payoffAmount", 5210.44m), ("accountLast4", "4242")), "rev-one");
        Assert.Equal(CorrectionStatus.Corrected, corrected.Status);
        var manifest = await pipeline.Services.GetRequiredService<TrainingExporter>().ExportAsync(
            since, DateTimeOffset.UtcNow.AddMinutes(1), pipeline.Services.GetRequiredService<TrainingExport>().BlobSink());
        Assert.True(manifest.Selected > 0);
        Assert.NotEmpty(await FindAsync(pipeline, partner, except: ""));

        var purge = pipeline.Services.GetRequiredService<PartnerPurge>();
        var report = await purge.PurgeAsync(partner, "dana", pipeline.Client);
        var again = await purge.PurgeAsync(partner, "dana", pipeline.Client);

        var left = await FindAsync(pipeline, partner, except: pipeline.StorageOptions.PurgesTable);
        Assert.True(left.Count == 0, string.Join("\n", left));
        Assert.All(new[] { "engine instances", "training file lines", $"{pipeline.StorageOptions.RawContainer} blobs", "results rows", "label rows", "training candidate rows", "partner keys", "reviewer scopes" },
            place => Assert.True(report.Removed[place] > 0, $"{place}: {JsonSerializer.Serialize(report.Removed)}"));
        Assert.Equal(0, again.Total);
        var records = new List<TableEntity>();
        await foreach (var row in pipeline.Storage.PurgesTable.QueryAsync<TableEntity>(e => e.PartitionKey == "purge"))
        {
            records.Add(row);
        }

        Assert.Equal(2, records.Count(r => r.GetString("Partner") == partner && r.GetString("By") == "dana"));
        // The reviewer of two partners keeps its key for the other.
        var reviewers = new List<StoredCredential>();
        await foreach (var key in pipeline.Services.GetRequiredService<CredentialStore>().ListAsync(CallerKind.Reviewer))
        {
            reviewers.Add(key);
        }

        Assert.Equal(["acme"], Assert.Single(reviewers).Partners);
    }

    private const string NeedsPerson = """{"accountId":"needs-1","liabilityType":"auto_loan","asOf":"2026-03-01","source":{"kind":"payoff_letter","text":"Ally Financial\nLoan number: XXXXXX4242\nUnpaid Principal Balance $6,000.00\nTotal Payoff Amount $5,210.44"}}""";

    private static string Mark(string line, string partner, int index)
    {
        var item = JsonNode.Parse(line)!.AsObject();
        item["accountId"] = $"{partner}-{index}";
        item["source"]!["text"] = $"{item["source"]!["text"]}\nServicer reference {partner}";
        return item.ToJsonString();
    }

    /// <summary>Every blob (name or content) and table row (any value) of this pipeline's storage and task hub that mentions the text.</summary>
    private static async Task<List<string>> FindAsync(Pipeline pipeline, string text, string except)
    {
        var found = new List<string>();
        await foreach (var container in pipeline.Storage.Blobs.GetBlobContainersAsync(prefix: null))
        {
            if (!container.Name.Contains(pipeline.StorageId, StringComparison.Ordinal))
            {
                continue;
            }

            var client = pipeline.Storage.Container(container.Name);
            await foreach (var blob in client.GetBlobsAsync())
            {
                var content = (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString();
                if (blob.Name.Contains(text, StringComparison.Ordinal) || content.Contains(text, StringComparison.Ordinal))
                {
                    found.Add($"{container.Name}/{blob.Name}");
                }
            }
        }

        await foreach (var table in pipeline.Storage.Tables.QueryAsync())
        {
            if (!table.Name.Contains(pipeline.StorageId, StringComparison.Ordinal) || table.Name == except)
            {
                continue;
            }

            await foreach (var row in pipeline.Storage.Tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                if (row.Any(p => p.Value?.ToString()?.Contains(text, StringComparison.Ordinal) == true))
                {
                    found.Add($"{table.Name}/{row.PartitionKey}/{row.RowKey}");
                }
            }
        }

        return found;
    }
}
