namespace Extraction.Core.Models;

/// <param name="Status">The provider's word: validating_files, queued, running, succeeded, failed, cancelled.</param>
/// <param name="FineTunedModel">The model a deployment is made from, once the job succeeded.</param>
/// <param name="Error">Why the job failed, in the provider's words.</param>
public sealed record FineTuneJobState(string JobId, string Status, string? FineTunedModel, long? TrainedTokens, string? Error)
{
    public bool Succeeded => Status == "succeeded";

    public bool Failed => Status is "failed" or "cancelled";
}
