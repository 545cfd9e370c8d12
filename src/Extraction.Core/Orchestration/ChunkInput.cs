using Extraction.Core.Storage;

namespace Extraction.Core.Orchestration;

/// <summary>One chunk of a batch: its manifest is found by batch and index.</summary>
public sealed record ChunkInput(BatchRef Batch, BlobLocation Source, string SourceETag, int Chunk);
