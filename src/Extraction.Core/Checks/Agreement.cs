using Extraction.Core.Contracts;

namespace Extraction.Core.Checks;

/// <summary>
/// What a second reading that agrees means. A soft failure (a doubt: the rules were not sure, a document kind
/// usually states a field) of the teacher's answer is settled where the student gave the same values for every
/// field the doubt is about: two readings agree against a check that could not be sure. A firm failure (a value
/// written nowhere, a wrong type, arithmetic, a sure rules reading) stands however many readings agree: the
/// student learns from the teacher, so their agreement is not independent evidence (docs/quality.md).
/// </summary>
public static class Agreement
{
    public static IReadOnlyList<CheckResult> Settle(IReadOnlyList<CheckResult> checks, ExtractedFields answer, ExtractedFields? other)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(answer);
        return other is null ? checks : [.. checks.Select(c => Agrees(c, answer, other)
            ? c with { Passed = true, Settled = true, Detail = $"settled: the student and the teacher read {string.Join(", ", c.Fields!)} alike; {c.Detail}" }
            : c)];
    }

    private static bool Agrees(CheckResult check, ExtractedFields answer, ExtractedFields other) =>
        !check.Passed && check.Soft && check.Fields is { Count: > 0 } fields
        && fields.All(name => FieldCatalog.Named(name) is { } field && Equals(field.Get(answer), field.Get(other)));
}
