using System.ComponentModel.DataAnnotations;

namespace Extraction.Core.Configuration;

/// <summary>
/// Where blobs and tables live. Section <c>Storage</c>. Either a connection string (Azurite by
/// default), or, in Azure with shared keys off, the service URIs reached with managed identity.
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    /// <summary>An Azure Storage connection string; Azurite by default. Ignored when the service URIs are set.</summary>
    public string? ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary><c>https://{account}.blob.core.windows.net</c>: with <see cref="TableServiceUri"/>, identity-based access.</summary>
    public string? BlobServiceUri { get; set; }

    /// <summary><c>https://{account}.table.core.windows.net</c>.</summary>
    public string? TableServiceUri { get; set; }

    public bool UsesIdentity => !string.IsNullOrWhiteSpace(BlobServiceUri);

    /// <summary>
    /// How long one storage request may take before it is abandoned and retried. The SDK's 100 s made a
    /// storage that stopped answering look like a hang (100 s × 6 tries per call); 20 s is ample for the
    /// largest request here (a 4 MiB block) and says within a minute that storage is away.
    /// </summary>
    [Range(1, 300)]
    public int CallTimeoutSeconds { get; set; } = 20;

    /// <summary>Retries of a storage request that failed or timed out (exponential back-off from 0.5 s to 5 s).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (UsesIdentity)
        {
            foreach (var (name, value) in new[] { (nameof(BlobServiceUri), BlobServiceUri), (nameof(TableServiceUri), TableServiceUri) })
            {
                if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
                {
                    yield return new ValidationResult($"Storage:{name} must be an https URL when the storage is reached by identity.", [name]);
                }
            }
        }
        else if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("Storage:ConnectionString, or Storage:BlobServiceUri and Storage:TableServiceUri, is required.", [nameof(ConnectionString)]);
        }
    }

    /// <summary>Partners drop batch files here as <c>incoming/{partner}/{name}</c>; the blob trigger watches it.</summary>
    [Required, RegularExpression(ContainerName)]
    public string IncomingContainer { get; set; } = "incoming";

    /// <summary>Batches that arrive over HTTP or from the CLI are staged here (not watched by the trigger).</summary>
    [Required, RegularExpression(ContainerName)]
    public string BatchesContainer { get; set; } = "batches";

    /// <summary>Raw request/answer records, one blob per account.</summary>
    [Required, RegularExpression(ContainerName)]
    public string RawContainer { get; set; } = "raw";

    /// <summary>Raw records a verified label points at, copied out of reach of the raw container's retention rule.</summary>
    [Required, RegularExpression(ContainerName)]
    public string LabelledContainer { get; set; } = "labelled";

    /// <summary>Chunk manifests the orchestration works from.</summary>
    [Required, RegularExpression(ContainerName)]
    public string WorkContainer { get; set; } = "work";

    /// <summary>result.v1 rows, partitioned by partner and batch.</summary>
    [Required, RegularExpression(TableName)]
    public string ResultsTable { get; set; } = "results";

    /// <summary>The review queue: <c>needs_review</c> accounts by partner, until a person corrects them.</summary>
    [Required, RegularExpression(TableName)]
    public string ReviewsTable { get; set; } = "reviews";

    /// <summary>Verified labels: a person's corrections, kept for the next fine-tune.</summary>
    [Required, RegularExpression(TableName)]
    public string LabelsTable { get; set; } = "labels";

    /// <summary>The corrections' audit: append blobs per partner and day.</summary>
    [Required, RegularExpression(ContainerName)]
    public string AuditContainer { get; set; } = "audit";

    /// <summary>Exported fine-tuning files.</summary>
    [Required, RegularExpression(ContainerName)]
    public string TrainingContainer { get; set; } = "training";

    /// <summary>Trustworthy answers by day, waiting for the retraining export; and the export's watermark.</summary>
    [Required, RegularExpression(TableName)]
    public string TrainingTable { get; set; } = "training";

    /// <summary>Budget ledger: one partition per scope, a row for the scope and one per worker's lease.</summary>
    [Required, RegularExpression(TableName)]
    public string BudgetsTable { get; set; } = "budgets";

    /// <summary>The retraining loop: a row per fine-tuning job and its candidate, and which deployment is the student.</summary>
    [Required, RegularExpression(TableName)]
    public string ModelsTable { get; set; } = "models";

    /// <summary>Shadow answers: per account, which fields the candidate agreed on with the served answer.</summary>
    [Required, RegularExpression(TableName)]
    public string ShadowTable { get; set; } = "shadow";

    /// <summary>Partner and reviewer API keys: salted hashes and their scope, never a secret.</summary>
    [Required, RegularExpression(TableName)]
    public string CredentialsTable { get; set; } = "credentials";

    /// <summary>One row per partner purge: who, when, what was removed (counts, no content).</summary>
    [Required, RegularExpression(TableName)]
    public string PurgesTable { get; set; } = "purges";

    private const string ContainerName = @"\A[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]\z";

    private const string TableName = @"\A[A-Za-z][A-Za-z0-9]{2,62}\z";
}
