using Extraction.Core.Contracts;
using Extraction.Core.Storage;

namespace Extraction.Core.Activities;

/// <summary>
/// One account to extract: where its line is, not what it says (and where its chunk's lines are, to read them once);
/// <paramref name="ScheduledAt"/>, the orchestration's time when it asked, tells a redelivered message from a fresh one.
/// </summary>
public sealed record ExtractAccountInput(
    BatchRef Batch, BlobLocation Source, string SourceETag, WorkItem Item, decimal? MaxCostUsd = null, DateTime? Deadline = null, ByteSpan? Chunk = null,
    DateTime? ScheduledAt = null);

