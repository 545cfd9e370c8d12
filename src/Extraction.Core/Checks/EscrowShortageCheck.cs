using Extraction.Core.Contracts;

namespace Extraction.Core.Checks;

/// <summary>A negative escrow balance is allowed only where the document states a shortage (or a negative balance) of that amount.</summary>
public sealed class EscrowShortageCheck : IAnswerCheck
{
    public const string CheckName = "escrow_shortage_stated";

    public string Name => CheckName;

    public CheckResult? Run(CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Fields.EscrowBalance is not < 0m)
        {
            return null;
        }

        var escrow = context.Fields.EscrowBalance.Value;
        return context.Facts.Amounts.Contains(escrow)
            ? new CheckResult(Name, true, "the document states the shortage")
            : new CheckResult(Name, false, $"escrowBalance {CheckFormat.Value(escrow)} is negative but the document states no shortage of that amount");
    }
}
