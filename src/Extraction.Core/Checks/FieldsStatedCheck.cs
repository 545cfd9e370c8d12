using Extraction.Core.Contracts;

namespace Extraction.Core.Checks;

/// <summary>An answer with no value at all is no extraction: a person should look at the document.</summary>
public sealed class FieldsStatedCheck : IAnswerCheck
{
    public const string CheckName = "fields_stated";

    public string Name => CheckName;

    public CheckResult? Run(CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stated = context.Fields.StatedCount;
        return stated > 0
            ? new CheckResult(Name, true, $"{stated} of 12 fields stated")
            : new CheckResult(Name, false, "no fields.v1 value was found in the document");
    }
}
