using Azure.Data.Tables;
using Extraction.Core.Contracts;
using Extraction.Core.Tests;
using Extraction.Core.Training;
using Extraction.HostTests.TestKit;
using Extraction.ModelEmulator;

namespace Extraction.HostTests;

/// <summary>
/// The retraining timers, run through the host's admin API with work waiting: yesterday's answers to export, and then the
/// fine-tuning job that export started (the emulator's Azure OpenAI files, jobs and ARM deployments).
/// </summary>
[Collection(HostCollection.Name)]
public sealed class TimersThroughHostTests(TimersThroughHostTests.RetrainingHost running) : IClassFixture<TimersThroughHostTests.RetrainingHost>
{
    [HostFact]
    public async Task The_export_timer_writes_yesterdays_answers_moves_its_watermark_and_starts_a_job_that_the_model_loop_then_advances()
    {
        var api = new PartnerApi(running.Host);
        var batchId = await api.StartBatchAsync(ReferenceSamples.BatchLines().Take(40));
        await api.WaitAsync(batchId, TimeSpan.FromMinutes(2));
        var training = running.App.Table("TrainingTable");
        var moved = await MoveToYesterdayAsync(training);
        var today = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);

        await running.Host.InvokeAsync("TrainingExportTimer");
        var watermark = await EventuallyAsync(async () => await training.GetEntityIfExistsAsync<TableEntity>("export-state", "watermark") is { HasValue: true } row ? row.Value!.GetDateTimeOffset("Until") : null);
        var models = running.App.Table("ModelsTable");
        var submitted = await EventuallyAsync(async () => await SingleModelAsync(models) is { } m && m.GetString("Status") == "training" ? m : null);
        var container = running.App.Container("TrainingContainer");
        var folder = TrainingExporter.WindowFolder(today.AddDays(-1), today);
        var manifest = ContractJson.Deserialize<ExportManifest>((await container.GetBlobClient($"{folder}/manifest.json").DownloadContentAsync()).Value.Content.ToString())!;
        var trainLines = 0;
        await foreach (var blob in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = $"{folder}/train." }))
        {
            trainLines += (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        }

        Assert.True(moved >= 10, $"only {moved} answers were worth teaching");
        Assert.Equal(today, watermark);
        Assert.Equal(moved, manifest.Selected);
        Assert.True(manifest.Train > 0);
        Assert.Equal(manifest.Train, trainLines);
        var job = Assert.Single(running.App.Emulator.FineTuning.Jobs);
        Assert.Equal(job.Id, submitted!.GetString("JobId"));

        await running.Host.InvokeAsync("ModelLoopTimer");
        var rested = await EventuallyAsync(async () => await SingleModelAsync(models) is { } m && Rests(m) ? m : null);

        // One tick goes as far as the loop can: the job's model deployed, then gated at once (no shadow sample is
        // asked for). This app has no gold set, so the gate refuses it as unproven and the same tick removes it.
        Assert.True(rested is not null, $"The model loop's tick did not come to rest: {(await SingleModelAsync(models))?.GetString("Status")}\n{running.Host.RecentLog}");
        Assert.Equal("refused", rested.GetString("Status"));
        Assert.Contains("the gold set has 0 accounts", rested.GetString("Reason"), StringComparison.Ordinal);
        Assert.Equal(job.FineTunedModel, rested.GetString("FineTunedModel"));
        var deployment = rested.GetString("Deployment")!;
        Assert.Equal(
            [new DeploymentWrite("PUT", deployment, job.FineTunedModel!), new DeploymentWrite("DELETE", deployment, job.FineTunedModel!)],
            running.App.Emulator.FineTuning.DeploymentWrites.ToArray());
    }

    /// <summary>Where this app's loop stops within one tick: a refused model whose deployment is gone, or one that passed.</summary>
    private static bool Rests(TableEntity model) => model.GetString("Status") switch
    {
        "refused" => model.GetBoolean("DeploymentRemoved") == true,
        "passed" or "active" or "failed" => true,
        _ => false,
    };

    /// <summary>The export takes whole days up to the start of today: today's answers are re-dated to yesterday.</summary>
    private static async Task<int> MoveToYesterdayAsync(TableClient training)
    {
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var moved = 0;
        await foreach (var row in training.QueryAsync<TableEntity>(e => e.PartitionKey == today))
        {
            await training.DeleteEntityAsync(row.PartitionKey, row.RowKey);
            row.PartitionKey = yesterday;
            row["RecordedAt"] = row.GetDateTimeOffset("RecordedAt")!.Value.AddDays(-1);
            await training.AddEntityAsync(row);
            moved++;
        }

        return moved;
    }

    private static async Task<TableEntity?> SingleModelAsync(TableClient models)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in models.QueryAsync<TableEntity>(e => e.PartitionKey == "model"))
        {
            rows.Add(row);
        }

        return rows.Count == 1 ? rows[0] : null;
    }

    /// <summary>The admin API queues a timer's run and answers at once: its effects are awaited, for up to a minute.</summary>
    private static async Task<T?> EventuallyAsync<T>(Func<Task<T?>> read)
    {
        for (var tries = 0; tries < 240; tries++)
        {
            try
            {
                if (await read() is { } value)
                {
                    return value;
                }
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
                // The table is made on first use.
            }

            await Task.Delay(250);
        }

        return default;
    }

    /// <summary>The host with the retraining loop on: a base model to fine-tune and the emulator as Azure Resource Manager.</summary>
    public sealed class RetrainingHost : RunningHost
    {
        protected override void Configure(Dictionary<string, string> settings)
        {
            var emulator = App.Emulator;
            settings["Training__BaseModel"] = "gpt-4.1-mini-2025-04-14";
            settings["Training__MinExamplesPerFile"] = "3";
            settings["Training__ValidationPercent"] = "25";
            settings["Training__Arm__SubscriptionId"] = "00000000-0000-0000-0000-000000000001";
            settings["Training__Arm__ResourceGroup"] = "rg-extraction";
            settings["Training__Arm__AccountName"] = "oai-extraction";
            settings["Training__Arm__Endpoint"] = emulator.ArmEndpoint.ToString();
            settings["Training__Arm__BearerToken"] = emulator.FineTuning.ArmToken;
            settings["Training__Arm__TrustedCertificateSha256"] = emulator.CertificateSha256;
            // Timers fire only when the test says so (the admin API), never on their own during it.
            settings["Training__Schedule"] = "0 0 0 1 1 *";
            settings["Training__PollSchedule"] = "0 0 0 1 1 *";
        }
    }
}
