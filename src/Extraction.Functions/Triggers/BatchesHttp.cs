using System.Globalization;
using System.Text;
using Extraction.Core.Contracts;
using Extraction.Core.Orchestration;
using Extraction.Core.Storage;
using Extraction.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Extraction.Functions.Triggers;

/// <summary>
/// A partner's batches: <c>GET /api/batches/{id}</c> (status, counts, cost, progress),
/// <c>GET /api/batches/{id}/results</c> (result.v1 as NDJSON, paged by <c>x-continuation-token</c>),
/// <c>POST /api/batches/{id}/cancel</c>. Another partner's batch is not found, never forbidden.
/// </summary>
public sealed class BatchesHttp(ResultStore results, BatchQueries batches)
{
    public const string ContinuationHeader = "x-continuation-token";
    private const int DefaultPageSize = 500;
    private const int MaxPageSize = 1_000;

    [Function("GetBatch")]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "batches/{batchId}")] HttpRequest request,
        string batchId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (CallerBatch(request, batchId) is not { } batch)
        {
            return Refuse(request, batchId);
        }

        return await batches.StatusAsync(client, batch, cancellationToken) is { } status
            ? Json.Of(StatusCodes.Status200OK, status)
            : NotFound(batchId);
    }

    [Function("GetBatchResults")]
    public async Task<IActionResult> ResultsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "batches/{batchId}/results")] HttpRequest request,
        string batchId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (CallerBatch(request, batchId) is not { } batch)
        {
            return Refuse(request, batchId);
        }

        var pageSize = int.TryParse(request.Query["pageSize"].FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) ? size : DefaultPageSize;
        if (pageSize is < 1 or > MaxPageSize)
        {
            return Problem.Of(StatusCodes.Status400BadRequest, "Invalid pageSize", $"pageSize is 1–{MaxPageSize}.");
        }

        var continuation = request.Headers[ContinuationHeader].FirstOrDefault() ?? request.Query["continuationToken"].FirstOrDefault();
        var (page, next) = await results.PageAsync(batch, pageSize, continuation, cancellationToken);
        if (page.Count == 0 && continuation is null && await batches.StatusAsync(client, batch, cancellationToken) is null)
        {
            return NotFound(batchId);
        }

        if (next is not null)
        {
            request.HttpContext.Response.Headers[ContinuationHeader] = next;
        }

        var body = new StringBuilder();
        foreach (var row in page)
        {
            body.Append(ContractJson.Serialize(row.Result)).Append('\n');
        }

        return new ContentResult { StatusCode = StatusCodes.Status200OK, ContentType = "application/x-ndjson", Content = body.ToString() };
    }

    [Function("CancelBatch")]
    public async Task<IActionResult> CancelAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "batches/{batchId}/cancel")] HttpRequest request,
        string batchId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (CallerBatch(request, batchId) is not { } batch)
        {
            return Refuse(request, batchId);
        }

        if (await batches.StatusAsync(client, batch, cancellationToken) is null)
        {
            return NotFound(batchId);
        }

        return await batches.CancelAsync(client, batch, cancellationToken)
            ? Json.Of(StatusCodes.Status202Accepted, await batches.StatusAsync(client, batch, cancellationToken))
            : Problem.Of(StatusCodes.Status409Conflict, "Batch not running", $"Batch {batchId} has already ended.");
    }

    private static BatchRef? CallerBatch(HttpRequest request, string batchId) =>
        PartnerHeader.Read(request) is { } partner && BatchRef.IsValidBatchId(batchId) ? new BatchRef(partner, batchId) : null;

    private static IActionResult Refuse(HttpRequest request, string batchId) =>
        PartnerHeader.Read(request) is null
            ? PartnerHeader.Missing()
            : Problem.Of(StatusCodes.Status400BadRequest, "Invalid batch id", $"'{Truncate(batchId)}' is not a batch id (A-Z a-z 0-9 . _ -, at most 100).");

    private static IActionResult NotFound(string batchId) =>
        Problem.Of(StatusCodes.Status404NotFound, "No such batch", $"There is no batch {Truncate(batchId)}.");

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
