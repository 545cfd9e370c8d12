using Azure;
using Azure.Data.Tables;
using Extraction.Core.Configuration;
using Extraction.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Quota;

/// <summary>
/// Shares each deployment's quota among the instances calling it. Every <c>Model:Quota:ShareRefreshSeconds</c>
/// each instance writes one row per deployment to the budgets table (partition <c>quota|&lt;deployment&gt;</c>:
/// the share of the quota it used since its last beat, whether calls were waiting, when the row expires) and reads
/// the others' live rows; every instance splits the quota the same way from them (<see cref="ShareClaim.Split"/>) and
/// paces to its part. One write and one read per deployment per beat, however many calls: the rows say who shares,
/// the gates do the pacing. An instance that dies stops counting when its row expires (three beats).
/// It also samples each gate for telemetry at every beat.
/// </summary>
[Singleton(Hosted = true)]
public sealed class QuotaShares(
    QuotaGates gates, StorageClients storage, IOptions<ModelOptions> options, IQuotaTelemetry telemetry, TimeProvider time, ILogger<QuotaShares> logger)
    : IHostedService, IDisposable
{
    private const string PartitionPrefix = "quota|";
    private readonly Dictionary<string, (QuotaSnapshot Snapshot, long At)> _previous = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _nudged = new(0, 1);
    private Task _beating = Task.CompletedTask;

    /// <summary>This process, as the other instances see it in the rows.</summary>
    public string Instance { get; } = Guid.NewGuid().ToString("N");

    private TimeSpan Period => TimeSpan.FromSeconds(options.Value.Quota.ShareRefreshSeconds);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!gates.Enabled)
        {
            return;
        }

        // The deployments this process will call are known now: their shares are read before the first call, not after.
        var settings = options.Value;
        foreach (var deployment in new[] { settings.StudentDeployment, settings.TeacherDeployment }.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            gates.For(deployment);
        }

        try
        {
            await BeatOnceAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The first quota heartbeat failed; each deployment paces to its whole quota until one succeeds");
        }

        gates.FirstUse += Nudge;
        _beating = BeatEveryAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _beating.ConfigureAwait(false);
        if (!gates.Enabled || !options.Value.Quota.Shared)
        {
            return;
        }

        foreach (var gate in gates.All)
        {
            try
            {
                await storage.BudgetsTable.DeleteEntityAsync(PartitionPrefix + gate.Deployment, Instance, ETag.All, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException)
            {
                // Its row expires in three beats, and the others take its share back then.
            }
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _nudged.Dispose();
    }

    /// <summary>Reports every gate and takes up its share; a deployment whose row could not be written keeps its last share.</summary>
    public async Task BeatOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetTimestamp();
        foreach (var gate in gates.All)
        {
            var snapshot = gate.Snapshot();
            var (previous, at) = _previous.TryGetValue(gate.Deployment, out var last) ? last : (snapshot with { Granted = 0, RateLimited = 0, PacedMs = 0 }, now - time.TimestampFrequency);
            _previous[gate.Deployment] = (snapshot, now);
            telemetry.Sample(snapshot, snapshot.RateLimited - previous.RateLimited);
            if (!options.Value.Quota.Shared)
            {
                continue;
            }

            var seconds = Math.Max(0.001, time.GetElapsedTime(at, now).TotalSeconds);
            var quotaPerSecond = options.Value.QuotaOf(gate.Deployment).RequestsPerMinute / 60.0;
            var used = (snapshot.Granted - previous.Granted) / seconds / quotaPerSecond;
            var wanting = snapshot.Waiting > 0 || snapshot.PacedMs - previous.PacedMs > 200 * seconds;
            try
            {
                var called = snapshot.Granted > 0 || snapshot.Waiting > 0 || snapshot.Saturated > 0;
                var share = await ShareAsync(gate.Deployment, new ShareClaim(Instance, used, wanting, called), cancellationToken).ConfigureAwait(false);
                gate.SetShare(share);
                logger.LogDebug(
                    "Quota of {Deployment}: used {Used:P0}, wanting {Wanting}, {Waiting} waiting, {InFlight} in flight; share now {Share:P0}",
                    gate.Deployment, used, wanting, snapshot.Waiting, snapshot.InFlight, share);
            }
            catch (RequestFailedException ex)
            {
                logger.LogWarning(ex, "The quota share of {Deployment} could not be renewed; keeping the last one", gate.Deployment);
            }
        }
    }

    private async Task<double> ShareAsync(string deployment, ShareClaim mine, CancellationToken cancellationToken)
    {
        var partition = PartitionPrefix + deployment;
        var table = storage.BudgetsTable;
        var utcNow = time.GetUtcNow();
        await table.UpsertEntityAsync(
            new TableEntity(partition, Instance) { ["Used"] = mine.Used, ["Wanting"] = mine.Wanting, ["Called"] = mine.Called, ["ExpiresAt"] = utcNow + (3 * Period) },
            TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

        var claims = new List<ShareClaim> { mine };
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey == Instance)
            {
                continue;
            }

            var expires = row.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue;
            if (expires > utcNow)
            {
                claims.Add(new ShareClaim(row.RowKey, row.GetDouble("Used") ?? 0, row.GetBoolean("Wanting") ?? false, row.GetBoolean("Called") ?? true));
            }
            else if (expires < utcNow - TimeSpan.FromMinutes(1))
            {
                await table.DeleteEntityAsync(partition, row.RowKey, row.ETag, cancellationToken).ConfigureAwait(false);
            }
        }

        return ShareClaim.Split(claims)[Instance];
    }

    private void Nudge()
    {
        try
        {
            _nudged.Release();
        }
        catch (SemaphoreFullException)
        {
            // A beat is already due.
        }
        catch (ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task BeatEveryAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                // A beat every period, and one at once when a deployment is first called here: the others hear of a new caller within a beat.
                await _nudged.WaitAsync(Period, cancellationToken).ConfigureAwait(false);

                try
                {
                    await BeatOnceAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "A quota heartbeat failed");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
