using System.ClientModel;
using System.Text.Json;
using Extraction.Core.Configuration;
using OpenAI.Files;

namespace Extraction.Core.Models.OpenAI;

/// <summary>
/// Fine-tuning through the OpenAI library Azure.AI.OpenAI brings: <c>OpenAIFileClient</c> uploads with
/// purpose fine-tune, the fine-tuning client (protocol methods in this version) creates and reads jobs.
/// The job's JSON is read here, so nothing above this adapter sees the library's types.
/// </summary>
[Singleton(As = typeof(IFineTuningClient))]
public sealed class FineTuningCalls(ChatClients clients) : IFineTuningClient
{
    public async Task<string> UploadAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        try
        {
            var file = await clients.Control.GetOpenAIFileClient().UploadFileAsync(content, fileName, FileUploadPurpose.FineTune, cancellationToken).ConfigureAwait(false);
            return file.Value.Id;
        }
        catch (ClientResultException ex)
        {
            throw Refused($"uploading {fileName}", ex);
        }
    }

    public async Task<string> CreateJobAsync(FineTuneRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hyperparameters = new Dictionary<string, object> { ["n_epochs"] = request.Epochs };
        if (request.BatchSize is { } batchSize)
        {
            hyperparameters["batch_size"] = batchSize;
        }

        if (request.LearningRateMultiplier is { } rate)
        {
            hyperparameters["learning_rate_multiplier"] = rate;
        }

        var body = new Dictionary<string, object?>
        {
            ["model"] = request.BaseModel,
            ["training_file"] = request.TrainingFileId,
            ["suffix"] = request.Suffix,
            ["hyperparameters"] = hyperparameters,
        };
        if (request.ValidationFileId is not null)
        {
            body["validation_file"] = request.ValidationFileId;
        }

        try
        {
#pragma warning disable OPENAI001 // fine-tuning is marked experimental in this version of the library
            var operation = await clients.Control.GetFineTuningClient()
                .CreateFineTuningJobAsync(BinaryContent.Create(BinaryData.FromObjectAsJson(body)), waitUntilCompleted: false, new() { CancellationToken = cancellationToken })
                .ConfigureAwait(false);
#pragma warning restore OPENAI001
            return Read(operation.GetRawResponse().Content).JobId;
        }
        catch (ClientResultException ex)
        {
            throw Refused($"creating a fine-tuning job on {request.BaseModel}", ex);
        }
    }

    public async Task<FineTuneJobState> GetJobAsync(string jobId, CancellationToken cancellationToken = default)
    {
        try
        {
#pragma warning disable OPENAI001
            var result = await clients.Control.GetFineTuningClient().GetJobAsync(jobId, new() { CancellationToken = cancellationToken }).ConfigureAwait(false);
#pragma warning restore OPENAI001
            return Read(result.GetRawResponse().Content);
        }
        catch (ClientResultException ex)
        {
            throw Refused($"reading fine-tuning job {jobId}", ex);
        }
    }

    /// <summary>A job object: <c>{id, status, fine_tuned_model, trained_tokens, error: {code, message}}</c>.</summary>
    private static FineTuneJobState Read(BinaryData json)
    {
        using var document = JsonDocument.Parse(json);
        var job = document.RootElement;
        string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var error = job.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object
            ? string.Join(": ", new[] { Text(e, "code"), Text(e, "message") }.Where(t => !string.IsNullOrWhiteSpace(t)))
            : null;
        return new FineTuneJobState(
            Text(job, "id") ?? throw new FineTuningException("The provider's job has no id."),
            Text(job, "status") ?? "unknown",
            Text(job, "fine_tuned_model"),
            job.TryGetProperty("trained_tokens", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt64() : null,
            string.IsNullOrEmpty(error) ? null : error);
    }

    private static FineTuningException Refused(string what, ClientResultException ex)
    {
        var body = ex.GetRawResponse()?.Content?.ToString();
        var message = body is null ? null : TryMessage(body);
        return new FineTuningException($"The provider refused {what} ({ex.Status}): {message ?? ex.Message}", ex, ex.Status);
    }

    private static string? TryMessage(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("message", out var message) ? message.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
