using Extraction.Core.Contracts;

namespace Extraction.Core.Checks;

/// <summary>
/// Every stated value must be written in the document — in any of its usual forms, and with its sign:
/// a negative amount must be written as negative or next to "shortage". A value the document never
/// states is a hallucination.
/// </summary>
public sealed class GroundingCheck : IAnswerCheck
{
    public const string CheckName = "grounded";

    public string Name => CheckName;

    public CheckResult? Run(CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var facts = context.Facts;
        var stated = FieldCatalog.Stated(context.Fields).ToList();
        if (stated.Count == 0)
        {
            return null;
        }

        var missing = stated
            .Where(s => !(s.Field.Kind switch
            {
                FieldKind.Amount => facts.Amounts.Contains((decimal)s.Value),
                FieldKind.Date => facts.Dates.Contains((DateOnly)s.Value),
                FieldKind.Rate => facts.Rates.Contains((decimal)s.Value),
                FieldKind.Last4 => facts.Last4s.Contains((string)s.Value),
                _ => false,
            }))
            .Select(s => $"{s.Field.Name} {CheckFormat.Value(s.Value)} is not stated in the document")
            .ToList();
        return CheckFormat.Outcome(Name, missing, $"all {stated.Count} values are stated in the document");
    }
}
