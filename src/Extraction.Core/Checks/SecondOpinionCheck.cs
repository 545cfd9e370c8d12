using Extraction.Core.Contracts;
using Extraction.Core.Extraction;

namespace Extraction.Core.Checks;

/// <summary>
/// Where the rules read a labelled value, the model should agree: this catches a number that is in the document but
/// is the wrong one, and a field the model dropped. An answer that is another value the field's own labels name (an
/// old quote and its correction) is a case the rules cannot judge. Any other disagreement is firm or a doubt (see
/// <see cref="Firm"/>): a doubt is settled by a second reading that agrees, since a document of an unseen shape may
/// call the answer's value by a label the rules do not know.
/// </summary>
public sealed class SecondOpinionCheck : IAnswerCheck
{
    public const string CheckName = "second_opinion";

    public string Name => CheckName;

    public CheckResult? Run(CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reading = context.SecondOpinion;
        var read = FieldCatalog.Stated(reading.Fields).ToList();
        if (read.Count == 0)
        {
            return null;
        }

        var firm = new List<string>();
        var doubts = new List<string>();
        var ambiguous = new List<string>();
        var fields = new List<string>();
        foreach (var (field, labelled) in read)
        {
            var answer = field.Get(context.Fields);
            if (Equals(answer, labelled))
            {
                continue;
            }

            if (reading.Names(field, answer))
            {
                ambiguous.Add(field.Name);
                continue;
            }

            var other = answer is null ? null : FieldCatalog.All.FirstOrDefault(g => g != field && reading.Names(g, answer));
            var detail = answer is null
                ? $"{field.Name} is missing but the document labels {CheckFormat.Value(labelled)}"
                : $"{field.Name} is {CheckFormat.Value(answer)} but the labelled value is {CheckFormat.Value(labelled)}{(other is null ? "" : $", and the document labels {CheckFormat.Value(answer)} as {other.Name}")}";
            (Firm(context, field, answer, labelled, other) ? firm : doubts).Add(detail);
            fields.Add(field.Name);
        }

        if (fields.Count > 0)
        {
            return new CheckResult(Name, false, string.Join("; ", firm.Concat(doubts))) { Fields = fields, Soft = firm.Count == 0 };
        }

        return ambiguous.Count > 0
            ? CheckResult.CouldNotJudge(Name, $"the document labels several values for {string.Join(", ", ambiguous)}", ambiguous)
            : new CheckResult(Name, true, $"agrees with the rules on {read.Count} labelled values");
    }

    /// <summary>
    /// A disagreement a second reading cannot settle: the answer gives a value the document labels as another field, or
    /// one the document never calls by the field's name; or it leaves out a value — one the rules are sure of, or one the
    /// document calls by the field's name — within a few lines of the values it shares with the rules (the part of the
    /// document it read its other values from).
    /// </summary>
    private static bool Firm(CheckContext context, FieldInfo field, object? answer, object labelled, FieldInfo? other)
    {
        if (answer is null)
        {
            return context.SecondOpinion.NearAgreedValue(field, context.Fields) && (context.SecondOpinion.IsSure(field) || FieldWords.Names(field, labelled, context.Search));
        }

        return other is not null || !FieldWords.Names(field, answer, context.Search);
    }
}
