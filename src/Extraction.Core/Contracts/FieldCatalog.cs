namespace Extraction.Core.Contracts;

public enum FieldKind
{
    Amount,
    Date,
    Rate,
    Last4,
}

/// <summary>One fields.v1 field: its wire name, what kind of value it holds, and how to read it.</summary>
public sealed record FieldInfo(string Name, FieldKind Kind, Func<ExtractedFields, object?> Get);

/// <summary>The twelve fields of fields.v1, in contract order: one list for parsers, checks and evaluation.</summary>
public static class FieldCatalog
{
    public static IReadOnlyList<FieldInfo> All { get; } =
    [
        new("payoffAmount", FieldKind.Amount, f => f.PayoffAmount),
        new("payoffGoodThrough", FieldKind.Date, f => f.PayoffGoodThrough),
        new("perDiem", FieldKind.Amount, f => f.PerDiem),
        new("principalBalance", FieldKind.Amount, f => f.PrincipalBalance),
        new("escrowBalance", FieldKind.Amount, f => f.EscrowBalance),
        new("statementBalance", FieldKind.Amount, f => f.StatementBalance),
        new("minimumPayment", FieldKind.Amount, f => f.MinimumPayment),
        new("nextPaymentAmount", FieldKind.Amount, f => f.NextPaymentAmount),
        new("nextPaymentDueDate", FieldKind.Date, f => f.NextPaymentDueDate),
        new("interestRatePct", FieldKind.Rate, f => f.InterestRatePct),
        new("creditLimit", FieldKind.Amount, f => f.CreditLimit),
        new("accountLast4", FieldKind.Last4, f => f.AccountLast4),
    ];

    /// <summary>The fields that carry a value.</summary>
    public static IEnumerable<(FieldInfo Field, object Value)> Stated(ExtractedFields fields) =>
        All.Select(f => (f, f.Get(fields))).Where(p => p.Item2 is not null).Select(p => (p.f, p.Item2!));
}
