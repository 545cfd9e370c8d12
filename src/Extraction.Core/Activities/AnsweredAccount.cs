using Extraction.Core.Contracts;
using Extraction.Core.Models;

namespace Extraction.Core.Activities;

/// <summary>An account's answer and result, with where they are filed: what the recorder writes.</summary>
public sealed record AnsweredAccount(BatchRef Batch, int Line, BatchItem Account, ModelAnswer Answer, ExtractionResult Result);
