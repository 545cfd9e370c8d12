using Extraction.Core.Contracts;

namespace Extraction.Core.Checks;

/// <summary>A minimum payment above the statement balance (or limit), or a regular payment above the principal, is misread.</summary>
public sealed class PaymentsWithinBalancesCheck : IAnswerCheck
{
    public const string CheckName = "payments_within_balances";

    public string Name => CheckName;

    public CheckResult? Run(CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var f = context.Fields;
        var problems = new List<string>();
        var ran = false;
        if (f is { MinimumPayment: { } minimum, StatementBalance: { } balance })
        {
            ran = true;
            if (minimum > Math.Max(balance, 0m))
            {
                problems.Add($"minimumPayment {CheckFormat.Value(minimum)} is above statementBalance {CheckFormat.Value(balance)}");
            }
        }

        if (f is { StatementBalance: { } statement, CreditLimit: { } limit })
        {
            ran = true;
            if (statement > limit * 1.5m)
            {
                problems.Add($"statementBalance {CheckFormat.Value(statement)} is far above creditLimit {CheckFormat.Value(limit)}");
            }
        }

        if (f is { NextPaymentAmount: { } payment, PrincipalBalance: { } principal })
        {
            ran = true;
            if (payment > principal + (f.EscrowBalance is > 0 ? f.EscrowBalance.Value : 0m) + 5_000m)
            {
                problems.Add($"nextPaymentAmount {CheckFormat.Value(payment)} is above principalBalance {CheckFormat.Value(principal)}");
            }
        }

        return ran ? CheckFormat.Outcome(Name, problems, "payments fit the balances") : null;
    }
}
