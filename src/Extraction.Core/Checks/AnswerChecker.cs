using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Extraction.Core.Extraction;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Checks;

/// <summary>Runs every check that applies to an answer; a failed one keeps it from counting as <c>extracted</c>.</summary>
[Singleton]
public sealed class AnswerChecker(IOptions<ChecksOptions> options)
{
    private static readonly IAnswerCheck[] Always =
    [
        new FieldsStatedCheck(), new GroundingCheck(), new FieldsFitTypeCheck(), new ValueRangesCheck(),
        new PayoffCoversPrincipalCheck(), new DateWindowsCheck(), new PaymentsWithinBalancesCheck(),
        new PerDiemConsistentCheck(), new EscrowShortageCheck(), new ExpectedFieldsCheck(),
    ];

    private readonly IAnswerCheck[] _checks = options.Value.SecondOpinion ? [.. Always, new SecondOpinionCheck()] : Always;

    /// <param name="reading">the rules' reading of this document, where it was made already (the rules answered)</param>
    public IReadOnlyList<CheckResult> Run(BatchItem item, ExtractedFields fields, RulesReading? reading = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        var context = new CheckContext(item, fields, DocumentFacts.Of(item.Source.Text, item.AsOf), reading ?? RulesExtractor.Read(item.LiabilityType, item.Source.Text, item.AsOf));
        return _checks.Select(c => c.Run(context)).OfType<CheckResult>().ToList();
    }

    /// <summary>The fields the failed checks doubt, named for the person who looks; the answer as a whole where a check doubts all of it.</summary>
    public static string InDoubt(IEnumerable<CheckResult> failed)
    {
        ArgumentNullException.ThrowIfNull(failed);
        var checks = failed.ToList();
        var fields = checks.SelectMany(c => c.Fields ?? []).Distinct(StringComparer.Ordinal).ToList();
        return fields.Count == 0 || checks.Any(c => c.Fields is not { Count: > 0 }) ? "this answer" : string.Join(", ", fields);
    }

    public static bool AllPassed(IReadOnlyList<CheckResult> checks) => checks.All(c => c.Passed);
}
