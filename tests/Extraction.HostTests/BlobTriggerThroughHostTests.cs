using System.Text.Json;
using Extraction.Core.Orchestration;
using Extraction.Core.Tests;
using Extraction.HostTests.TestKit;

namespace Extraction.HostTests;

/// <summary>A partner's file dropped under <c>incoming/{partner}/</c>, picked up by the host's blob trigger.</summary>
[Collection(HostCollection.Name)]
public sealed class BlobTriggerThroughHostTests(RunningHost running) : IClassFixture<RunningHost>
{
    [HostFact]
    public async Task An_upload_under_the_partners_folder_becomes_a_batch_with_one_result_per_line_a_bad_line_included()
    {
        var lines = ReferenceSamples.BatchLines().Skip(60).Take(40).ToList();
        lines.Insert(17, "{\"accountId\": \"broken-line\", \"liabilityType\": ");
        await running.App.Incoming.CreateIfNotExistsAsync();
        var blob = running.App.Incoming.GetBlobClient("acme/2026-12-07 payoffs.jsonl");
        var uploaded = await blob.UploadAsync(BinaryData.FromString(string.Join('\n', lines)));
        var batchId = BatchIntake.BatchIdForUpload("2026-12-07 payoffs.jsonl", uploaded.Value.ETag.ToString());
        var api = new PartnerApi(running.Host);

        var status = await WaitForBatchAsync(api, batchId, TimeSpan.FromMinutes(2));
        var (results, _) = await api.ResultsAsync(batchId, pageSize: 1000);

        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        Assert.Equal(41, results.Count);
        var ids = results.Select(r => r.GetProperty("accountId").GetString()!).ToList();
        Assert.Equal(41, ids.Distinct().Count());
        Assert.Subset(ids.ToHashSet(), lines.Where((_, i) => i != 17).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("accountId").GetString()!).ToHashSet());
        var broken = Assert.Single(results, r => r.GetProperty("status").GetString() == "invalid_input");
        Assert.Contains("18", broken.GetProperty("accountId").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The trigger starts the batch when it sees the blob: until then its status is 404.</summary>
    private static async Task<JsonElement> WaitForBatchAsync(PartnerApi api, string batchId, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await api.WaitAsync(batchId, timeout - clock.Elapsed);
            }
            catch (Xunit.Sdk.TrueException) when (clock.Elapsed < timeout)
            {
                await Task.Delay(500);
            }
        }
    }
}
