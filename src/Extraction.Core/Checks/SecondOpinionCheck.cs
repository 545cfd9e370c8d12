using Extraction.Core.Contracts;

namespace Extraction.Core.Checks;

/// <summary>
/// Where the rules extractor reads a labelled value (it only reads values a known label names), the
/// model must agree: this catches a number that is in the document but is the wrong one, and a field
/// the model dropped.
/// </summary>
public sealed class SecondOpinionCheck : IAnswerCheck
{
    public const string CheckName = "second_opinion";

    public string Name => CheckName;

    public CheckResult? Run(CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var confident = FieldCatalog.Stated(context.SecondOpinion).ToList();
        if (confident.Count == 0)
        {
            return null;
        }

        var disagreements = confident
            .Where(c => !Equals(c.Field.Get(context.Fields), c.Value))
            .Select(c => c.Field.Get(context.Fields) is { } answer
                ? $"{c.Field.Name} is {CheckFormat.Value(answer)} but the labelled value is {CheckFormat.Value(c.Value)}"
                : $"{c.Field.Name} is missing but the document labels {CheckFormat.Value(c.Value)}")
            .ToList();
        return CheckFormat.Outcome(Name, disagreements, $"agrees with the rules on {confident.Count} labelled values");
    }
}
