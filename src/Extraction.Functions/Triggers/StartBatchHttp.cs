using System.Net;
using Extraction.Core.Configuration;
using Extraction.Core.Orchestration;
using Extraction.Core.Storage;
using Extraction.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Extraction.Functions.Triggers;

/// <summary>
/// <c>POST /api/batches</c>: batch.v1 as NDJSON, or a JSON object with an <c>accounts</c> array (and
/// optional <c>batchId</c>, <c>maxCostUsd</c>, <c>deadline</c>). Checked first — content type, size,
/// account count, JSON — and refused as problem details with nothing started; then staged and started,
/// answering 202 with the Durable status URLs. A repeated <c>batchId</c> or <c>Idempotency-Key</c>
/// answers with the batch it started before, never a second run.
/// </summary>
public sealed class StartBatchHttp(BatchIntake intake, IOptions<BatchOptions> options)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    [Function(nameof(StartBatchHttp))]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "batches")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (PartnerHeader.Read(request) is not { } partner)
        {
            return await Problem.CreateAsync(request, HttpStatusCode.Unauthorized, "Unknown partner",
                $"Send the {PartnerHeader.Name} header: 1–63 characters of a-z 0-9 and -.");
        }

        var (batch, problem) = await BatchRequestReader.ReadAsync(
            request.Body,
            Header(request, "Content-Type"),
            long.TryParse(Header(request, "Content-Length"), out var length) ? length : null,
            request.Query["batchId"],
            Header(request, IdempotencyKeyHeader),
            options.Value,
            cancellationToken);
        if (problem is not null)
        {
            return await Problem.CreateAsync(request, (HttpStatusCode)problem.Status, problem.Title, problem.Detail);
        }

        var batchRef = BatchRef.Create(partner, batch!.BatchId);
        var source = await intake.StageAsync(batchRef, new MemoryStream(batch.Lines), cancellationToken);
        var started = await intake.StartAsync(client, batchRef, source, batch.Limits, cancellationToken);
        var response = await client.CreateCheckStatusResponseAsync(request, started.InstanceId, cancellationToken);
        response.Headers.Add("x-batch-id", batch.BatchId);
        return response;
    }

    private static string? Header(HttpRequestData request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
