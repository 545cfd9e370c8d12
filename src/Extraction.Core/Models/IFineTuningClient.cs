namespace Extraction.Core.Models;

/// <summary>
/// The provider seam for fine-tuning: upload a JSONL file, start a job, read its state. An adapter turns
/// the provider's refusals into <see cref="FineTuningException"/> with the provider's message.
/// </summary>
public interface IFineTuningClient
{
    /// <returns>The provider's file id.</returns>
    Task<string> UploadAsync(string fileName, Stream content, CancellationToken cancellationToken = default);

    /// <returns>The provider's job id.</returns>
    Task<string> CreateJobAsync(FineTuneRequest request, CancellationToken cancellationToken = default);

    Task<FineTuneJobState> GetJobAsync(string jobId, CancellationToken cancellationToken = default);
}

/// <param name="status">The provider's HTTP status, where it answered with one (404: it does not know the job).</param>
public sealed class FineTuningException(string message, Exception? inner = null, int? status = null) : Exception(message, inner)
{
    public int? Status { get; } = status;
}
