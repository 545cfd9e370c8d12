using Extraction.Core.Storage;

namespace Extraction.Core.Orchestration;

public sealed record CompleteBatchInput(BatchRef Batch, BatchSummary Summary, DateTime StartedAt, DateTime CompletedAt);
