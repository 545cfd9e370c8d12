namespace Extraction.Core.Storage;

/// <summary>Storage cannot be used at all; the message says what to do.</summary>
public sealed class StorageUnavailableException(string message) : Exception(message);
