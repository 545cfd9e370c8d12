using Microsoft.DurableTask.Client;

namespace Extraction.Cli.Local;

/// <summary>
/// The in-memory engine keeps every finished orchestration in this process's heap; this purges those created more
/// than <c>Durable:KeepFinishedSeconds</c> ago once they ended (checked every tenth of that, at least every
/// second), so memory follows the batches of the last minutes, not all of them. Their status stays readable:
/// a completed batch from its record (<c>FinishedBatches</c>), any other from its results.
/// </summary>
internal sealed class FinishedInstancePurger(DurableTaskClient client, int keepSeconds, TimeProvider time, ILogger<FinishedInstancePurger> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (keepSeconds == 0)
        {
            return;
        }

        var keep = TimeSpan.FromSeconds(keepSeconds);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, keepSeconds / 10)), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    var purged = await TestHostPatches.PurgeEndedAsync(client, time.GetUtcNow() - keep, stoppingToken).ConfigureAwait(false);
                    if (purged > 0)
                    {
                        logger.LogDebug("Purged {Count} finished orchestrations", purged);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Finished orchestrations could not be purged; the next tick tries again");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
