using Extraction.Core.Contracts;
using Extraction.Core.Storage;

namespace Extraction.Core.Activities;

/// <summary>One chunk of a batch: its manifest is found by batch and index.</summary>
/// <param name="MaxCostUsd">The batch's own budget, if any.</param>
/// <param name="Deadline">When the batch must be done (UTC).</param>
public sealed record ChunkInput(BatchRef Batch, BlobLocation Source, string SourceETag, int Chunk, decimal? MaxCostUsd = null, DateTime? Deadline = null);
