using Extraction.Core.Contracts;

namespace Extraction.Core.Checks;

/// <summary>
/// Dates in a sane window of the capture date: a payoff quote is good from <c>asOf</c> to 120 days on;
/// a payment falls due between 60 days before and 90 days after it.
/// </summary>
public sealed class DateWindowsCheck : IAnswerCheck
{
    public const string CheckName = "date_windows";

    public string Name => CheckName;

    public CheckResult? Run(CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var f = context.Fields;
        if (context.AsOf is not { } asOf || (f.PayoffGoodThrough is null && f.NextPaymentDueDate is null))
        {
            return null;
        }

        var problems = new List<string>();
        if (f.PayoffGoodThrough is { } goodThrough && (goodThrough < asOf || goodThrough > asOf.AddDays(120)))
        {
            problems.Add($"{FieldCatalog.PayoffGoodThrough} {CheckFormat.Value(goodThrough)} is not within 0–120 days after asOf {CheckFormat.Value(asOf)}");
        }

        if (f.NextPaymentDueDate is { } due && (due < asOf.AddDays(-60) || due > asOf.AddDays(90)))
        {
            problems.Add($"{FieldCatalog.NextPaymentDueDate} {CheckFormat.Value(due)} is not within 60 days before to 90 days after asOf {CheckFormat.Value(asOf)}");
        }

        return CheckFormat.Outcome(Name, problems, "dates fit the capture date");
    }
}
