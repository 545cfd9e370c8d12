using Extraction.Core.Contracts;

namespace Extraction.Core.Checks;

/// <summary>Card fields on a loan, or escrow on a car loan, mean the model read the wrong kind of document.</summary>
public sealed class FieldsFitTypeCheck : IAnswerCheck
{
    public const string CheckName = "fields_fit_type";

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
            .Select(s => s.Field)
            .Where(field => !field.Fits(type))
            .Select(field => $"{field.Name} does not belong to liability type {ContractJson.WireName(type)}")
            .ToList();
        return CheckFormat.Outcome(Name, misplaced, $"every field belongs to liability type {ContractJson.WireName(type)}");
    }
}
