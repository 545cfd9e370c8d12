using Extraction.Core.Contracts;

namespace Extraction.Core.Realtime;

/// <summary>A real-time extraction's result (and the batch and line it is filed under), or why there is none.</summary>
public sealed record RealtimeOutcome(ExtractionResult? Result, BatchRef? Batch, int Line, RequestProblem? Problem);
