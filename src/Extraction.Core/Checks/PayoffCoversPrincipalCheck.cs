using Extraction.Core.Contracts;

namespace Extraction.Core.Checks;

/// <summary>A payoff is the principal plus interest and fees: not below it, and not far above it.</summary>
public sealed class PayoffCoversPrincipalCheck : IAnswerCheck
{
    public const string CheckName = "payoff_covers_principal";

    public string Name => CheckName;

    public CheckResult? Run(CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Fields is not { PayoffAmount: { } payoff, PrincipalBalance: { } principal })
        {
            return null;
        }

        var ceiling = principal * 1.25m + 2_500m;
        return payoff < principal
            ? new CheckResult(Name, false, $"payoffAmount {CheckFormat.Value(payoff)} is below principalBalance {CheckFormat.Value(principal)}")
            : payoff > ceiling
                ? new CheckResult(Name, false, $"payoffAmount {CheckFormat.Value(payoff)} is far above principalBalance {CheckFormat.Value(principal)}")
                : new CheckResult(Name, true, "payoff covers the principal");
    }
}
