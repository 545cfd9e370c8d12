using Extraction.Core.Contracts;

namespace Extraction.Core.Checks;

/// <summary>Card fields on a loan, or escrow on a car loan, mean the model read the wrong kind of document.</summary>
public sealed class FieldsFitTypeCheck : IAnswerCheck
{
    public const string CheckName = "fields_fit_type";

    private static readonly HashSet<string> CardFields = ["statementBalance", "minimumPayment", "creditLimit"];
    private static readonly HashSet<string> LoanFields = ["payoffAmount", "payoffGoodThrough", "perDiem", "principalBalance", "nextPaymentAmount"];

    public string Name => CheckName;

    public CheckResult? Run(CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = context.LiabilityType;
        if (type == LiabilityType.Other)
        {
            return null;
        }

        var misplaced = FieldCatalog.Stated(context.Fields)
            .Select(s => s.Field.Name)
            .Where(name => type == LiabilityType.CreditCard
                ? LoanFields.Contains(name) || name == "escrowBalance"
                : CardFields.Contains(name) || (name == "escrowBalance" && type != LiabilityType.Mortgage))
            .Select(name => $"{name} does not belong to liability type {ContractJson.WireName(type)}")
            .ToList();
        return CheckFormat.Outcome(Name, misplaced, $"every field belongs to liability type {ContractJson.WireName(type)}");
    }
}
