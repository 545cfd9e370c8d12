namespace Extraction.Tooling.Generation.Kit;

/// <summary>The arithmetic of a loan the families quote: daily interest, the level payment, the balance left, the next due date.</summary>
internal static class LoanMath
{
    /// <summary>A day's interest on <paramref name="principal"/> at <paramref name="ratePct"/> a year of <paramref name="basis"/> days, to the cent.</summary>
    public static decimal PerDiem(decimal principal, decimal ratePct, int basis = 365, MidpointRounding rounding = MidpointRounding.ToEven) =>
        Math.Round(principal * ratePct / 100m / basis, 2, rounding);

    /// <summary>The level payment that amortizes <paramref name="principal"/> over <paramref name="months"/>.</summary>
    public static decimal Installment(decimal principal, decimal ratePct, int months)
    {
        if (ratePct == 0m)
        {
            return Math.Round(principal / months, 2);
        }

        var r = (double)ratePct / 1200.0;
        return Math.Round((decimal)((double)principal * r / (1 - Math.Pow(1 + r, -months))), 2);
    }

    /// <summary>The principal left after <paramref name="paid"/> level payments.</summary>
    public static decimal Remaining(decimal principal, decimal ratePct, decimal payment, int paid)
    {
        var balance = principal;
        for (var i = 0; i < paid; i++)
        {
            balance += Math.Round(balance * ratePct / 1200m, 2) - payment;
        }

        return Math.Max(balance, payment);
    }

    /// <summary>The first of the month after <paramref name="date"/>: when a mortgage's next payment falls due.</summary>
    public static DateOnly FirstOfNextMonth(DateOnly date) => new DateOnly(date.Year, date.Month, 1).AddMonths(1);
}
