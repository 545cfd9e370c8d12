using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Extraction.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Storage;

/// <summary>
/// The process's one blob and one table client (thread-safe, reused for its whole life), by connection
/// string or, with the service URIs set, by managed identity (AZURE_CLIENT_ID picks a user-assigned one).
/// </summary>
[Singleton]
public sealed class StorageClients
{
    private readonly StorageOptions _options;

    public StorageClients(IOptions<StorageOptions> options)
    {
        _options = options.Value;
        var blobOptions = Bounded(new BlobClientOptions());
        var tableOptions = Bounded(new TableClientOptions());
        blobOptions.AddPolicy(Calls.BlobPolicy, Azure.Core.HttpPipelinePosition.PerRetry);
        tableOptions.AddPolicy(Calls.TablePolicy, Azure.Core.HttpPipelinePosition.PerRetry);
        // One try within two seconds: for a read on the hot path that has a fallback (the active student).
        var quickOptions = new TableClientOptions();
        quickOptions.Retry.MaxRetries = 0;
        quickOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(2);
        if (_options.UsesIdentity)
        {
            var credential = new DefaultAzureCredential();
            Blobs = new BlobServiceClient(new Uri(_options.BlobServiceUri!), credential, blobOptions);
            Tables = new TableServiceClient(new Uri(_options.TableServiceUri!), credential, tableOptions);
            QuickTables = new TableServiceClient(new Uri(_options.TableServiceUri!), credential, quickOptions);
        }
        else
        {
            Blobs = new BlobServiceClient(_options.ConnectionString, blobOptions);
            Tables = new TableServiceClient(_options.ConnectionString, tableOptions);
            QuickTables = new TableServiceClient(_options.ConnectionString, quickOptions);
        }
    }

    /// <summary>Every call bounded: a storage that does not answer fails the call within about a minute and a half.</summary>
    private T Bounded<T>(T options)
        where T : Azure.Core.ClientOptions
    {
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(_options.CallTimeoutSeconds);
        options.Retry.MaxRetries = _options.MaxRetries;
        options.Retry.Mode = Azure.Core.RetryMode.Exponential;
        options.Retry.Delay = TimeSpan.FromMilliseconds(500);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        return options;
    }

    /// <summary>The storage requests this process has sent (every attempt).</summary>
    public StorageCalls Calls { get; } = new();

    public BlobServiceClient Blobs { get; }

    public TableServiceClient Tables { get; }

    /// <summary>Tables without retries and with a short timeout, for reads whose caller has a fallback.</summary>
    public TableServiceClient QuickTables { get; }

    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(name);

    public BlobClient Blob(BlobLocation location) => Container(location.Container).GetBlobClient(location.Name);

    /// <summary>A small JSON record (a batch's cancel mark, its finished summary), replacing any before it.</summary>
    public Task WriteJsonAsync<T>(BlobLocation location, T record, JsonSerializerOptions json, CancellationToken cancellationToken = default) =>
        Blob(location).UploadAsync(BinaryData.FromObjectAsJson(record, json), overwrite: true, cancellationToken);

    /// <summary>A small JSON record, or null where none was written.</summary>
    public async Task<T?> ReadJsonAsync<T>(BlobLocation location, JsonSerializerOptions json, CancellationToken cancellationToken = default)
        where T : class
    {
        try
        {
            var content = await Blob(location).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToObjectFromJson<T>(json);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public TableClient ResultsTable => Tables.GetTableClient(_options.ResultsTable);

    public TableClient ReviewsTable => Tables.GetTableClient(_options.ReviewsTable);

    public TableClient LabelsTable => Tables.GetTableClient(_options.LabelsTable);

    public TableClient TrainingTable => Tables.GetTableClient(_options.TrainingTable);

    public TableClient BudgetsTable => Tables.GetTableClient(_options.BudgetsTable);

    public TableClient ModelsTable => Tables.GetTableClient(_options.ModelsTable);

    public TableClient QuickModelsTable => QuickTables.GetTableClient(_options.ModelsTable);

    public TableClient ShadowTable => Tables.GetTableClient(_options.ShadowTable);

    public TableClient CredentialsTable => Tables.GetTableClient(_options.CredentialsTable);

    public TableClient PurgesTable => Tables.GetTableClient(_options.PurgesTable);

    /// <summary>Creates every container and table the pipeline writes to; safe to call again.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var container in new[] { _options.IncomingContainer, _options.BatchesContainer, _options.RawContainer, _options.WorkContainer, _options.TrainingContainer, _options.AuditContainer, _options.LabelledContainer })
        {
            await Container(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        foreach (var table in new[] { ResultsTable, ReviewsTable, LabelsTable, TrainingTable, BudgetsTable, ModelsTable, ShadowTable, CredentialsTable, PurgesTable })
        {
            await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
