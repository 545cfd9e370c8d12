using Extraction.Core.Contracts;

namespace Extraction.Core.Extraction;

/// <summary>The checks every answer goes through before it may count as <c>extracted</c>.</summary>
public static class AnswerChecks
{
    public const string FieldsStated = "fields_stated";

    public static IReadOnlyList<CheckResult> Run(ExtractedFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return
        [
            fields.StatedCount > 0
                ? new CheckResult(FieldsStated, true, $"{fields.StatedCount} of 12 fields stated")
                : new CheckResult(FieldsStated, false, "no fields.v1 value was found in the document"),
        ];
    }
}
