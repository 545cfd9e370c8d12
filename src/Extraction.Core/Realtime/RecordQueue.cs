using System.Threading.Channels;
using Extraction.Core.Activities;
using Extraction.Core.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Extraction.Core.Realtime;

/// <summary>
/// Writes real-time records after the caller has its answer, taking whatever has queued up (up to 100)
/// at once so rows of one partition share a table transaction. Bounded: when it is full the caller
/// writes inline instead (back-pressure, nothing dropped). On shutdown it drains before the host stops.
/// </summary>
[Singleton(Hosted = true)]
public sealed class RecordQueue(AccountResultRecorder recorder, ILogger<RecordQueue> logger) : BackgroundService
{
    private const int Capacity = 10_000;
    private const int Writers = 4;
    private const int MaxGroup = 100;
    private readonly Channel<AnsweredAccount> _queue = Channel.CreateBounded<AnsweredAccount>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Records not yet written.</summary>
    public int Pending => _queue.Reader.Count;

    /// <summary>Queues the record, or writes it now where the queue is full.</summary>
    public async Task EnqueueAsync(AnsweredAccount record, CancellationToken cancellationToken = default)
    {
        if (!_queue.Writer.TryWrite(record))
        {
            await WriteAsync([record], cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Writers).Select(async _ =>
        {
            var group = new List<AnsweredAccount>(MaxGroup);
            while (await _queue.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (group.Count < MaxGroup && _queue.Reader.TryRead(out var record))
                {
                    group.Add(record);
                }

                await WriteAsync(group, CancellationToken.None).ConfigureAwait(false);
                group.Clear();
            }
        }));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (Pending > 0)
        {
            logger.LogError("Stopped with {Count} real-time records not written: the host's shutdown timeout ended the drain", Pending);
        }
    }

    private async Task WriteAsync(List<AnsweredAccount> group, CancellationToken cancellationToken)
    {
        if (group.Count == 0)
        {
            return;
        }

        try
        {
            await recorder.RecordManyAsync(group, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not record {Count} real-time results, the first {Partner}/{BatchId} line {Line}", group.Count, group[0].Batch.Partner, group[0].Batch.BatchId, group[0].Line);
        }
    }
}
