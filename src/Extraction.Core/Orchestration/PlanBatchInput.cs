using Extraction.Core.Storage;

namespace Extraction.Core.Orchestration;

public sealed record PlanBatchInput(BatchRef Batch, BlobLocation Source, int ChunkSize, int MaxLineBytes);
