using Extraction.Core.Storage;

namespace Extraction.Core.Activities;

/// <summary>A chunk's accounts still to extract, and those whose final result an earlier run already stored.</summary>
public sealed record ChunkWork(IReadOnlyList<WorkItem> Pending, StatusCounts Resumed);
