using Extraction.Core.Access;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Orchestration;
using Extraction.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Extraction.Functions.Triggers;

/// <summary>
/// <c>POST /api/batches</c>: batch.v1 as NDJSON, or a JSON object with an <c>accounts</c> array (and
/// optional <c>batchId</c>, <c>maxCostUsd</c>, <c>deadline</c>). Checked first — content type, size,
/// account count, JSON — and refused as problem details with nothing started; then staged and started,
/// answering 202 with <c>Location</c> and the batch's status, results and cancel URLs. A repeated
/// <c>batchId</c> or <c>Idempotency-Key</c> answers with the batch it started before, never a second run.
/// </summary>
public sealed class StartBatchHttp(BatchIntake intake, CallerAuthenticator callers, PartnerBatchLimit batchLimit, IOptions<BatchOptions> options)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    [Function(nameof(StartBatchHttp))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Batches)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var access = await callers.PartnerAsync(request, cancellationToken);
        if (access.Caller?.Name is not { } partner)
        {
            return RequestAccess.Refused(request, access);
        }

        var (batch, problem) = await BatchRequestReader.ReadAsync(
            request.Body, request.ContentType, request.ContentLength, request.Query["batchId"].FirstOrDefault(),
            request.Headers[IdempotencyKeyHeader].FirstOrDefault(), options.Value, cancellationToken);
        if (problem is not null)
        {
            return Problem.Of(problem);
        }

        var batchRef = new BatchRef(partner, batch!.BatchId);
        if (await batchLimit.RefusalAsync(client, batchRef, cancellationToken) is { } tooMany)
        {
            request.HttpContext.Response.Headers.RetryAfter = "30";
            return Problem.Of(StatusCodes.Status429TooManyRequests, "Too many batches running", tooMany);
        }

        var staged = await intake.StageAsync(batchRef, new MemoryStream(batch.Lines), batch.ContentSha256, cancellationToken);
        if (!staged.SameAsEarlier)
        {
            return Problem.Of(StatusCodes.Status409Conflict, "Batch id already used",
                $"Batch {batch.BatchId} was started before with different accounts; a repeated batchId or {IdempotencyKeyHeader} must carry the same batch. Use a new one for new work.");
        }

        await intake.StartAsync(client, batchRef, staged.Location, batch.Limits, cancellationToken);
        var links = BatchLinks.For(request, batch.BatchId);
        request.HttpContext.Response.Headers.Location = links.StatusUri;
        return Json.Of(StatusCodes.Status202Accepted, links);
    }
}
