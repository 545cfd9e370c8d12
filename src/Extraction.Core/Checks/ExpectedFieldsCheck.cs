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

        var missing = expected.Where(field => field.Get(context.Fields) is null).ToList();
        // A kind of document usually states these; one that does not is possible, so a missing one is a doubt.
        return missing.Count == 0
            ? new CheckResult(Name, true, $"{string.Join(", ", expected)} stated")
            : new CheckResult(Name, false, string.Join("; ", missing.Select(field => $"{field.Name} is missing, and a {ContractJson.WireName(context.Item.Source.Kind)} of a {ContractJson.WireName(context.LiabilityType)} states it")))
            {
                Fields = [.. missing.Select(f => f.Name)],
                Soft = true,
            };
    }

    private static FieldInfo[] Expected(LiabilityType type, SourceKind kind) => (type, kind) switch
    {
        (not LiabilityType.CreditCard and not LiabilityType.Other, SourceKind.PayoffLetter) => [FieldCatalog.PayoffAmount, FieldCatalog.PayoffGoodThrough],
        (LiabilityType.CreditCard, SourceKind.Statement) => [FieldCatalog.StatementBalance, FieldCatalog.MinimumPayment, FieldCatalog.NextPaymentDueDate],
        (LiabilityType.Mortgage, SourceKind.Statement) => [FieldCatalog.PrincipalBalance, FieldCatalog.NextPaymentAmount, FieldCatalog.NextPaymentDueDate],
        _ => [],
    };
}
