using Extraction.Core.Contracts;

namespace Extraction.Core.Activities;

public sealed record CompleteBatchInput(BatchRef Batch, BatchSummary Summary, DateTime StartedAt, DateTime CompletedAt);
