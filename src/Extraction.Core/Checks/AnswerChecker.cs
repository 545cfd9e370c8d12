using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
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

    /// <param name="evidence">what the checks read in the item's document, where it was read already (another answer of it was checked)</param>
    public IReadOnlyList<CheckResult> Run(BatchItem item, ExtractedFields fields, DocumentEvidence? evidence = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        var context = new CheckContext(item, fields, evidence ?? DocumentEvidence.Of(item));
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
