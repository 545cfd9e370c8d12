using System.Globalization;
using System.Net;
using System.Text;
using Extraction.Core.Contracts;
using Extraction.Core.Orchestration;
using Extraction.Core.Storage;
using Extraction.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
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
    public async Task<HttpResponseData> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "batches/{batchId}")] HttpRequestData request,
        string batchId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (CallerBatch(request, batchId) is not { } batch)
        {
            return await RefuseAsync(request, batchId);
        }

        return await batches.StatusAsync(client, batch, cancellationToken) is { } status
            ? await Json.CreateAsync(request, HttpStatusCode.OK, status)
            : await NotFoundAsync(request, batchId);
    }

    [Function("GetBatchResults")]
    public async Task<HttpResponseData> ResultsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "batches/{batchId}/results")] HttpRequestData request,
        string batchId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (CallerBatch(request, batchId) is not { } batch)
        {
            return await RefuseAsync(request, batchId);
        }

        var pageSize = int.TryParse(request.Query["pageSize"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) ? size : DefaultPageSize;
        if (pageSize is < 1 or > MaxPageSize)
        {
            return await Problem.CreateAsync(request, HttpStatusCode.BadRequest, "Invalid pageSize", $"pageSize is 1–{MaxPageSize}.");
        }

        var continuation = request.Headers.TryGetValues(ContinuationHeader, out var tokens) ? tokens.FirstOrDefault() : request.Query["continuationToken"];
        var (page, next) = await results.PageAsync(batch, pageSize, continuation, cancellationToken);
        if (page.Count == 0 && continuation is null && await batches.StatusAsync(client, batch, cancellationToken) is null)
        {
            return await NotFoundAsync(request, batchId);
        }

        var response = request.CreateResponse(HttpStatusCode.OK);
        response.Headers.Add("Content-Type", "application/x-ndjson");
        if (next is not null)
        {
            response.Headers.Add(ContinuationHeader, next);
        }

        var body = new StringBuilder();
        foreach (var row in page)
        {
            body.Append(ContractJson.Serialize(row.Result)).Append('\n');
        }

        await response.WriteStringAsync(body.ToString(), cancellationToken);
        return response;
    }

    [Function("CancelBatch")]
    public async Task<HttpResponseData> CancelAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "batches/{batchId}/cancel")] HttpRequestData request,
        string batchId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (CallerBatch(request, batchId) is not { } batch)
        {
            return await RefuseAsync(request, batchId);
        }

        if (await batches.StatusAsync(client, batch, cancellationToken) is null)
        {
            return await NotFoundAsync(request, batchId);
        }

        return await batches.CancelAsync(client, batch, cancellationToken)
            ? await Json.CreateAsync(request, HttpStatusCode.Accepted, await batches.StatusAsync(client, batch, cancellationToken))
            : await Problem.CreateAsync(request, HttpStatusCode.Conflict, "Batch not running", $"Batch {batchId} has already ended.");
    }

    private static BatchRef? CallerBatch(HttpRequestData request, string batchId) =>
        PartnerHeader.Read(request) is { } partner && BatchRef.IsValidBatchId(batchId) ? new BatchRef(partner, batchId) : null;

    private static Task<HttpResponseData> RefuseAsync(HttpRequestData request, string batchId) =>
        PartnerHeader.Read(request) is null
            ? Problem.CreateAsync(request, HttpStatusCode.Unauthorized, "Unknown partner", $"Send the {PartnerHeader.Name} header.")
            : Problem.CreateAsync(request, HttpStatusCode.BadRequest, "Invalid batch id", $"'{Truncate(batchId)}' is not a batch id (A-Z a-z 0-9 . _ -, at most 100).");

    private static Task<HttpResponseData> NotFoundAsync(HttpRequestData request, string batchId) =>
        Problem.CreateAsync(request, HttpStatusCode.NotFound, "No such batch", $"There is no batch {batchId}.");

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
