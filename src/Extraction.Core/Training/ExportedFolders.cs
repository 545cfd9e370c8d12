using System.Text.Json;
using Azure;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Storage;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Training;

/// <summary>
/// The exports in the training container, read the way <see cref="TrainingExporter"/> wrote them: a folder per
/// window with its <see cref="ExportManifest"/> and the files the manifest names.
/// </summary>
[Singleton]
public sealed class ExportedFolders(StorageClients storage, IOptions<StorageOptions> options)
{
    private Azure.Storage.Blobs.BlobContainerClient Container => storage.Container(options.Value.TrainingContainer);

    /// <summary>Folders are named by their window, so the last name is the newest export; null when there is none.</summary>
    public async Task<string?> NewestAsync(CancellationToken cancellationToken)
    {
        string? newest = null;
        await foreach (var blob in Container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (blob.Name.EndsWith("/" + ExportManifest.FileName, StringComparison.Ordinal))
            {
                var folder = blob.Name[..^(ExportManifest.FileName.Length + 1)];
                newest = newest is null || string.CompareOrdinal(folder, newest) > 0 ? folder : newest;
            }
        }

        return newest;
    }

    /// <summary>The newest folder, or an error that says to run the export first.</summary>
    public async Task<string> NewestOrThrowAsync(CancellationToken cancellationToken) =>
        await NewestAsync(cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"No export in the {Container.Name} container yet: run the export first (extract export-training).");

    public async Task<ExportManifest> ManifestAsync(string folder, CancellationToken cancellationToken)
    {
        var path = $"{folder}/{ExportManifest.FileName}";
        try
        {
            var json = await Container.GetBlobClient(path).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return JsonSerializer.Deserialize<ExportManifest>(json.Value.Content.ToString(), ContractJson.Options)
                ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new InvalidOperationException($"No export {folder}: {Container.Name}/{path} does not exist.", ex);
        }
    }

    /// <summary>One of the manifest's files to read, with a name that is unique among the exports (its path, flattened).</summary>
    public async Task<(string Name, Stream Content)> OpenAsync(ExportFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var prefix = Container.Name + "/";
        var path = file.Path.StartsWith(prefix, StringComparison.Ordinal) ? file.Path[prefix.Length..] : file.Path;
        var content = await Container.GetBlobClient(path).OpenReadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return (path.Replace('/', '_'), content);
    }
}
