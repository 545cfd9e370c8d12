using System.Diagnostics;
using Extraction.Core.Checks;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Extraction;

namespace Extraction.Core.Models;

/// <summary>The embedded default: the deterministic <see cref="RulesExtractor"/>, free and local.</summary>
[Singleton]
public sealed class RulesExtractionModel(AnswerChecker checker) : IExtractionModel
{
    /// <summary>Recorded as the result's <c>model</c>: derived from the rules' patterns and words (<see cref="RulesVersion"/>).</summary>
    public static string Version => RulesVersion.Current;

    /// <summary>Costs nothing and takes microseconds: no budget or deadline applies.</summary>
    public Task<ModelAnswer> ExtractAsync(BatchItem item, AccountContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var startedAt = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        var evidence = DocumentEvidence.Of(item);
        var fields = evidence.Rules.Fields;
        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var request = ContractJson.Serialize(new { item.LiabilityType, item.Source.Kind, item.Source.Text });
        var attempt = new ModelAttempt(Version, AttemptOutcomes.Ok, null, startedAt, elapsed, TokenUsage.None, 0m, null, request, ContractJson.Serialize(fields), null);
        return Task.FromResult(new ModelAnswer(fields, Version, [attempt], elapsed, null, checker.Run(item, fields, evidence)));
    }
}
