using Extraction.Core.Storage;

namespace Extraction.Core.Activities;

/// <summary>A chunk's accounts that still need a model, to be admitted against the budgets and the deadline.</summary>
public sealed record AdmitChunkInput(ChunkInput Chunk, IReadOnlyList<WorkItem> Pending);
