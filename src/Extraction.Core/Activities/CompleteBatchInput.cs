using Extraction.Core.Contracts;
using Extraction.Core.Storage;

namespace Extraction.Core.Activities;

public sealed record CompleteBatchInput(BatchRef Batch, BatchSummary Summary, DateTime StartedAt, DateTime CompletedAt);
