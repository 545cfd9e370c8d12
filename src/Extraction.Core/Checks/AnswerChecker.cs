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

    public IReadOnlyList<CheckResult> Run(BatchItem item, ExtractedFields fields)
    {
        ArgumentNullException.ThrowIfNull(item);
        var context = new CheckContext(item, fields, DocumentFacts.Of(item.Source.Text, item.AsOf), RulesExtractor.Extract(item.LiabilityType, item.Source.Text, item.AsOf));
        return _checks.Select(c => c.Run(context)).OfType<CheckResult>().ToList();
    }

    public static bool AllPassed(IReadOnlyList<CheckResult> checks) => checks.All(c => c.Passed);
}
