using Extraction.Core.Contracts;
using Extraction.Core.Extraction;

namespace Extraction.Core.Checks;

/// <summary>
/// Every stated value must be written in the document. A value the normaliser read there is grounded; any
/// other is looked for in its own renderings (<see cref="ValueSearch"/>), so a form the normaliser does not
/// know is not an accusation. A value found only as a misprint, or without the minus it has, is a case
/// the check cannot judge; a value written nowhere in any form is a hallucination.
/// </summary>
public sealed class GroundingCheck : IAnswerCheck
{
    public const string CheckName = "grounded";

    public string Name => CheckName;

    public CheckResult? Run(CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stated = FieldCatalog.Stated(context.Fields).ToList();
        if (stated.Count == 0)
        {
            return null;
        }

        var missing = new List<FieldInfo>();
        var unsure = new List<FieldInfo>();
        foreach (var (field, value) in stated)
        {
            switch (Sight(context, field, value))
            {
                case Sighting.NotFound:
                    missing.Add(field);
                    break;
                case Sighting.Unsure:
                    unsure.Add(field);
                    break;
            }
        }

        string Values(List<FieldInfo> fields) => string.Join(", ", fields.Select(f => $"{f.Name} {CheckFormat.Value(f.Get(context.Fields)!)}"));
        return missing.Count > 0
            ? new CheckResult(Name, false, $"{Values(missing)} {(missing.Count == 1 ? "is" : "are")} written nowhere in the document, in any form") { Fields = [.. missing.Select(f => f.Name)] }
            : unsure.Count > 0
                ? CheckResult.CouldNotJudge(Name, $"{Values(unsure)} appear only misprinted or without their sign", [.. unsure.Select(f => f.Name)])
                : new CheckResult(Name, true, $"all {stated.Count} values are written in the document");
    }

    private static Sighting Sight(CheckContext context, FieldInfo field, object value)
    {
        var facts = context.Facts;
        return field.Kind switch
        {
            FieldKind.Amount => facts.Amounts.Contains((decimal)value) ? Sighting.Written : context.Search.Amount((decimal)value),
            FieldKind.Date => facts.Dates.Contains((DateOnly)value) ? Sighting.Written : context.Search.Date((DateOnly)value, context.AsOf),
            FieldKind.Rate => facts.Rates.Contains((decimal)value) ? Sighting.Written : context.Search.Rate((decimal)value),
            FieldKind.Last4 => facts.Last4s.Contains((string)value) ? Sighting.Written : context.Search.Last4((string)value),
            _ => Sighting.NotFound,
        };
    }
}
