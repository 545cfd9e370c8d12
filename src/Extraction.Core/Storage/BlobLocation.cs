namespace Extraction.Core.Storage;

/// <summary>A blob by container and name: what payloads carry instead of document bodies.</summary>
public sealed record BlobLocation(string Container, string Name)
{
    public override string ToString() => $"{Container}/{Name}";
}
