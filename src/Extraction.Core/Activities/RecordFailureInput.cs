using Extraction.Core.Contracts;
using Extraction.Core.Storage;

namespace Extraction.Core.Activities;

/// <summary>An account whose extraction activity failed past its retries: it still gets a result.</summary>
public sealed record RecordFailureInput(BatchRef Batch, WorkItem Item, string Reason);
