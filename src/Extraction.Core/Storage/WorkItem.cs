namespace Extraction.Core.Storage;

/// <summary>One valid account of a batch: its line and where to read it back from the batch blob.</summary>
public sealed record WorkItem(int Line, long Offset, int Length, string AccountId);
