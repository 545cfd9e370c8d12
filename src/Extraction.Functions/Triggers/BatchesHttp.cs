using System.Globalization;
using System.Text;
using Extraction.Core.Access;
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
public sealed class BatchesHttp(ResultStore results, BatchQueries batches, CallerAuthenticator callers)
{
    public const string ContinuationHeader = "x-continuation-token";
    private const int DefaultPageSize = 500;
    private const int MaxPageSize = 1_000;

    [Function("GetBatch")]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Batch)] HttpRequest request,
        string batchId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var (batch, refused) = await CallerBatchAsync(request, batchId, cancellationToken);
        if (batch is null)
        {
            return refused!;
        }

        return await batches.StatusAsync(client, batch, cancellationToken) is { } status
            ? Json.Of(StatusCodes.Status200OK, status)
            : NotFound(batchId);
    }

    [Function("GetBatchResults")]
    public async Task<IActionResult> ResultsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.BatchResults)] HttpRequest request,
        string batchId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var (batch, refused) = await CallerBatchAsync(request, batchId, cancellationToken);
        if (batch is null)
        {
            return refused!;
        }

        if (!TryReadPageSize(request, out var pageSize))
        {
            return Problem.Of(StatusCodes.Status400BadRequest, "Invalid pageSize", $"pageSize is a whole number from 1 to {MaxPageSize:N0} (default {DefaultPageSize}).");
        }

        if (!TryReadContinuation(request, out var continuation))
        {
            return Problem.Of(StatusCodes.Status400BadRequest, "Invalid continuation token", $"Send back the {ContinuationHeader} of the previous page, unchanged and once.");
        }

        var (page, next) = await results.PageAsync(batch, pageSize, continuation, cancellationToken);
        if (page.Count == 0 && await batches.StatusAsync(client, batch, cancellationToken) is null)
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
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.BatchCancel)] HttpRequest request,
        string batchId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var (batch, refused) = await CallerBatchAsync(request, batchId, cancellationToken);
        if (batch is null)
        {
            return refused!;
        }

        if (await batches.StatusAsync(client, batch, cancellationToken) is null)
        {
            return NotFound(batchId);
        }

        return await batches.CancelAsync(client, batch, cancellationToken)
            ? Json.Of(StatusCodes.Status202Accepted, await batches.StatusAsync(client, batch, cancellationToken))
            : Problem.Of(StatusCodes.Status409Conflict, "Batch not running", $"Batch {batchId} has already ended.");
    }

    private static bool TryReadPageSize(HttpRequest request, out int pageSize)
    {
        pageSize = DefaultPageSize;
        var values = request.Query["pageSize"];
        return values.Count == 0
            || (values.Count == 1 && values[0] is { Length: <= 4 } text && text.All(char.IsAsciiDigit)
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) && pageSize is >= 1 and <= MaxPageSize);
    }

    private static bool TryReadContinuation(HttpRequest request, out string? token)
    {
        var values = request.Headers[ContinuationHeader].Concat(request.Query["continuationToken"]).ToList();
        token = values.Count == 1 ? values[0] : null;
        return values.Count == 0 || (token is not null && ResultStore.IsValidPageToken(token));
    }

    private async Task<(BatchRef? Batch, IActionResult? Refused)> CallerBatchAsync(HttpRequest request, string batchId, CancellationToken cancellationToken)
    {
        var access = await callers.PartnerAsync(request, cancellationToken);
        if (access.Caller is not { } caller)
        {
            return (null, RequestAccess.Refused(request, access));
        }

        return BatchRef.IsValidBatchId(batchId)
            ? (new BatchRef(caller.Name, batchId), null)
            : (null, Problem.Of(StatusCodes.Status400BadRequest, "Invalid batch id", $"'{Truncate(batchId)}' is not a batch id: {BatchRef.BatchIdRule}."));
    }

    private static IActionResult NotFound(string batchId) =>
        Problem.Of(StatusCodes.Status404NotFound, "No such batch", $"There is no batch {Truncate(batchId)}.");

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
