using Extraction.Core.Contracts;

namespace Extraction.Core.Evaluation;

/// <summary>One account's result next to its gold fields and the attempts its raw record holds.</summary>
public sealed record AccountEvaluation(ExtractionResult Result, ExtractedFields Gold, IReadOnlyList<ModelAttempt> Attempts)
{
    public bool IsRight => Result.Fields == Gold;
}
