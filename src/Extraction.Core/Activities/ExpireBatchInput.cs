using Extraction.Core.Contracts;

namespace Extraction.Core.Activities;

/// <summary>A batch whose deadline passed: close every account without a final result.</summary>
public sealed record ExpireBatchInput(BatchRef Batch, int Chunks);
