using Extraction.Core.Contracts;
using Extraction.Core.Storage;

namespace Extraction.Core.Activities;

public sealed record PlanBatchInput(BatchRef Batch, BlobLocation Source, int ChunkSize, int MaxLineBytes);
