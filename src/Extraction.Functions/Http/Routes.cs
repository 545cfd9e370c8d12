namespace Extraction.Functions.Http;

/// <summary>
/// The HTTP routes, named once: the trigger attributes bind them, <c>extract serve</c> maps them (under
/// <see cref="Prefix"/>, as the host does), and a test keeps docs/openapi.yaml equal to them.
/// </summary>
public static class Routes
{
    /// <summary>The Functions host's default route prefix (host.json does not change it).</summary>
    public const string Prefix = "api";

    public const string Batches = "batches";
    public const string Batch = "batches/{batchId}";
    public const string BatchResults = "batches/{batchId}/results";
    public const string BatchCancel = "batches/{batchId}/cancel";
    public const string Reviews = "reviews";
    public const string Partner = "partners/{partner}";
    public const string PartnerReviews = "partners/{partner}/reviews";
    public const string Correction = "partners/{partner}/batches/{batchId}/accounts/{accountId}/correction";
    public const string AccountReview = "partners/{partner}/batches/{batchId}/accounts/{accountId}/review";
    public const string Extract = "extract";
}
