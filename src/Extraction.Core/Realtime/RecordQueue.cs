using System.Threading.Channels;
using Extraction.Core.Activities;
using Extraction.Core.Contracts;
using Extraction.Core.Models;
using Extraction.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Extraction.Core.Realtime;

/// <summary>A real-time answer whose raw record and result are still to be written.</summary>
public sealed record PendingRecord(BatchRef Batch, BatchItem Account, ModelAnswer Answer, ExtractionResult Result);

/// <summary>
/// Writes real-time records after the caller has its answer. Bounded: when it is full the caller
/// writes inline instead (back-pressure, nothing dropped). On shutdown it drains before the host stops.
/// </summary>
public sealed class RecordQueue(AccountResultRecorder recorder, ILogger<RecordQueue> logger) : BackgroundService
{
    private const int Capacity = 10_000;
    private const int Writers = 8;
    private readonly Channel<PendingRecord> _queue = Channel.CreateBounded<PendingRecord>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Queues the record, or writes it now where the queue is full.</summary>
    public async Task EnqueueAsync(PendingRecord record, CancellationToken cancellationToken = default)
    {
        if (!_queue.Writer.TryWrite(record))
        {
            await WriteAsync(record, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Writers).Select(async _ =>
        {
            await foreach (var record in _queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                await WriteAsync(record, CancellationToken.None).ConfigureAwait(false);
            }
        }));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteAsync(PendingRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await recorder.RecordAsync(record.Batch, 1, record.Account, record.Answer, record.Result, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not record the real-time result of {Partner}/{BatchId}", record.Batch.Partner, record.Batch.BatchId);
        }
    }
}
