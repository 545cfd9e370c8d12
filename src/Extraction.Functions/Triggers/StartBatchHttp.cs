using System.Net;
using Extraction.Core.Orchestration;
using Extraction.Core.Storage;
using Extraction.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;

namespace Extraction.Functions.Triggers;

/// <summary>
/// <c>POST /api/batches</c> with a batch.v1 body (JSON Lines): stage it, start its batch, answer 202
/// with the standard Durable status URLs. The partner is named by the <c>x-partner-id</c> header
/// until per-partner authentication lands; <c>?batchId=</c> picks the batch id (a repeat returns
/// the existing run).
/// </summary>
public sealed class StartBatchHttp(BatchIntake intake)
{
    [Function(nameof(StartBatchHttp))]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "batches")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (PartnerHeader.Read(request) is not { } partner)
        {
            return await Problem.CreateAsync(request, HttpStatusCode.BadRequest, "Missing or invalid partner",
                $"Send the {PartnerHeader.Name} header: 1–63 characters of a-z 0-9 and -.");
        }

        var batchId = request.Query["batchId"] ?? Guid.NewGuid().ToString("N");
        if (!BatchRef.IsValidBatchId(batchId))
        {
            return await Problem.CreateAsync(request, HttpStatusCode.BadRequest, "Invalid batchId",
                "batchId is 1–100 characters of A-Z a-z 0-9 . _ -.");
        }

        var batch = BatchRef.Create(partner, batchId);
        var source = await intake.StageAsync(batch, request.Body, cancellationToken);
        var started = await intake.StartAsync(client, batch, source, cancellationToken: cancellationToken);
        return await client.CreateCheckStatusResponseAsync(request, started.InstanceId, cancellationToken);
    }
}
