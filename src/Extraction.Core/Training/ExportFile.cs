namespace Extraction.Core.Training;

public sealed record ExportFile(string Path, string Split, int Examples, long Bytes, long Tokens);
