using Azure.Storage.Blobs;

namespace Extraction.Core.Training;

/// <summary>Where an export's files go: a local folder or a blob container, under one folder per window.</summary>
public interface IExportSink
{
    /// <summary>Removes what an earlier run of the same window wrote, so a re-run leaves exactly its own files.</summary>
    Task ClearAsync(string folder, CancellationToken cancellationToken = default);

    Task<Stream> CreateAsync(string path, CancellationToken cancellationToken = default);

    string Describe(string path);
}

public sealed class LocalFolderSink(string root) : IExportSink
{
    public Task ClearAsync(string folder, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(root, folder);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        return Task.CompletedTask;
    }

    public Task<Stream> CreateAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return Task.FromResult<Stream>(new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true));
    }

    public string Describe(string path) => Path.Combine(root, path);
}

public sealed class BlobContainerSink(BlobContainerClient container) : IExportSink
{
    public async Task ClearAsync(string folder, CancellationToken cancellationToken = default)
    {
        await foreach (var blob in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = folder + "/" }, cancellationToken).ConfigureAwait(false))
        {
            await container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<Stream> CreateAsync(string path, CancellationToken cancellationToken = default) =>
        container.GetBlobClient(path).OpenWriteAsync(overwrite: true, cancellationToken: cancellationToken);

    public string Describe(string path) => $"{container.Name}/{path}";
}
