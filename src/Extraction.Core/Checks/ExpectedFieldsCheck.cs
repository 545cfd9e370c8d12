using Extraction.Core.Contracts;

namespace Extraction.Core.Checks;

/// <summary>
/// Some documents always state some fields: a payoff letter its payoff amount and good-through date,
/// a card statement its balance, minimum and due date, a mortgage statement its principal, payment and
/// due date. An answer without them dropped something, whatever else agrees.
/// </summary>
public sealed class ExpectedFieldsCheck : IAnswerCheck
{
    public const string CheckName = "expected_fields";

    public string Name => CheckName;

    public CheckResult? Run(CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var expected = Expected(context.LiabilityType, context.Item.Source.Kind);
        if (expected.Length == 0)
        {
            return null;
        }

        var missing = expected.Where(name => FieldCatalog.All.Single(f => f.Name == name).Get(context.Fields) is null)
            .Select(name => $"{name} is missing, and a {ContractJson.WireName(context.Item.Source.Kind)} of a {ContractJson.WireName(context.LiabilityType)} states it")
            .ToList();
        return CheckFormat.Outcome(Name, missing, $"{string.Join(", ", expected)} stated");
    }

    private static string[] Expected(LiabilityType type, SourceKind kind) => (type, kind) switch
    {
        (not LiabilityType.CreditCard and not LiabilityType.Other, SourceKind.PayoffLetter) => ["payoffAmount", "payoffGoodThrough"],
        (LiabilityType.CreditCard, SourceKind.Statement) => ["statementBalance", "minimumPayment", "nextPaymentDueDate"],
        (LiabilityType.Mortgage, SourceKind.Statement) => ["principalBalance", "nextPaymentAmount", "nextPaymentDueDate"],
        _ => [],
    };
}
