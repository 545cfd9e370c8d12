using Extraction.Core.Contracts;

namespace Extraction.Core.Checks;

/// <summary>Amounts and rates inside the ranges real accounts of each type have.</summary>
public sealed class ValueRangesCheck : IAnswerCheck
{
    public const string CheckName = "value_ranges";

    private const decimal MaxBalance = 10_000_000m;
    private const decimal MaxPerDiem = 5_000m;

    public string Name => CheckName;

    public CheckResult? Run(CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var f = context.Fields;
        var problems = new List<string>();
        foreach (var (field, value) in FieldCatalog.Stated(f).Where(s => s.Field.Kind == FieldKind.Amount))
        {
            var amount = (decimal)value;
            var (min, max) = field.Name switch
            {
                "escrowBalance" => (-MaxBalance / 10, MaxBalance),
                "perDiem" => (0m, MaxPerDiem),
                _ => (0m, MaxBalance),
            };
            if (amount < min || amount > max)
            {
                problems.Add($"{field.Name} {CheckFormat.Value(amount)} is outside {CheckFormat.Value(min)}–{CheckFormat.Value(max)}");
            }
        }

        if (f.InterestRatePct is { } rate && (rate < 0 || rate > MaxRate(context.LiabilityType)))
        {
            problems.Add($"interestRatePct {CheckFormat.Value(rate)} is outside 0–{MaxRate(context.LiabilityType)}% for a {ContractJson.WireName(context.LiabilityType)}");
        }

        if (f.CreditLimit is 0m)
        {
            problems.Add("creditLimit is 0");
        }

        return f.StatedCount == 0 ? null : CheckFormat.Outcome(Name, problems, "amounts and rate within range");
    }

    private static decimal MaxRate(LiabilityType type) => type switch
    {
        LiabilityType.Mortgage or LiabilityType.StudentLoan => 20m,
        LiabilityType.AutoLoan or LiabilityType.PersonalLoan => 36m,
        LiabilityType.CreditCard => 40m,
        _ => 100m,
    };
}
