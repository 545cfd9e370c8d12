using Extraction.Core.Contracts;

namespace Extraction.Core.Orchestration;

/// <summary>A batch handed to the orchestration engine.</summary>
/// <param name="IsNew">False where an orchestration for this batch already existed and was left alone.</param>
public sealed record StartedBatch(BatchRef Batch, string InstanceId, bool IsNew);
