using System.Reflection;
using System.Text.Json;

namespace Extraction.Core.Contracts;

public enum FieldKind
{
    Amount,
    Date,
    Rate,
    Last4,
}

/// <summary>The liability types a field belongs to: a card field on a car loan means the model read the wrong document.</summary>
public enum FieldFit
{
    Any,
    Loans,
    Cards,
    Mortgages,
}

/// <summary>One fields.v1 field: its wire name, what kind of value it holds, where it belongs, and how to read and write it.</summary>
public sealed class FieldInfo
{
    private readonly PropertyInfo _property;
    private readonly Func<ExtractedFields, object?> _get;

    internal FieldInfo(PropertyInfo property, FieldKind kind, FieldFit fit)
    {
        _property = property;
        _get = CompileGetter(property);
        Name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
        Kind = kind;
        Fit = fit;
    }

    /// <summary>The wire name (camelCase of the property), as parsers, prompts and checks spell it.</summary>
    public string Name { get; }

    public FieldKind Kind { get; }

    public FieldFit Fit { get; }

    public Type ValueType => Nullable.GetUnderlyingType(_property.PropertyType) ?? _property.PropertyType;

    /// <summary>Whether the field belongs to an account of <paramref name="type"/> (every field may describe <c>other</c>).</summary>
    public bool Fits(LiabilityType type) => type == LiabilityType.Other || Fit switch
    {
        FieldFit.Cards => type == LiabilityType.CreditCard,
        FieldFit.Loans => type != LiabilityType.CreditCard,
        FieldFit.Mortgages => type == LiabilityType.Mortgage,
        _ => true,
    };

    public object? Get(ExtractedFields fields) => _get(fields);

    /// <summary>A copy of <paramref name="fields"/> with this field set (null clears it).</summary>
    public ExtractedFields With(ExtractedFields fields, object? value)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var copy = fields with { };
        SetOn(copy, value);
        return copy;
    }

    /// <summary>Sets this field on a record nobody else holds yet (one the caller is building).</summary>
    internal void SetOn(ExtractedFields building, object? value) => _property.SetValue(building, value);

    public override string ToString() => Name;

    private static Func<ExtractedFields, object?> CompileGetter(PropertyInfo property) =>
        (Func<ExtractedFields, object?>)typeof(FieldInfo).GetMethod(nameof(Getter), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(property.PropertyType)
            .Invoke(null, [property.GetMethod!])!;

    private static Func<ExtractedFields, object?> Getter<T>(MethodInfo getter)
    {
        var typed = getter.CreateDelegate<Func<ExtractedFields, T>>();
        return f => typed(f);
    }
}

/// <summary>
/// fields.v1, defined once: the answer parser, the prompt's key list, the strict schema's order, the checks
/// that name fields, the evaluation and the tests read it from here. Adding a field is a property on
/// <see cref="ExtractedFields"/> and a line below (then teach the rules and the generator to find it).
/// </summary>
public static class FieldCatalog
{
    public static FieldInfo PayoffAmount { get; } = Field(nameof(ExtractedFields.PayoffAmount), FieldKind.Amount, FieldFit.Loans);

    public static FieldInfo PayoffGoodThrough { get; } = Field(nameof(ExtractedFields.PayoffGoodThrough), FieldKind.Date, FieldFit.Loans);

    public static FieldInfo PerDiem { get; } = Field(nameof(ExtractedFields.PerDiem), FieldKind.Amount, FieldFit.Loans);

    public static FieldInfo PrincipalBalance { get; } = Field(nameof(ExtractedFields.PrincipalBalance), FieldKind.Amount, FieldFit.Loans);

    public static FieldInfo EscrowBalance { get; } = Field(nameof(ExtractedFields.EscrowBalance), FieldKind.Amount, FieldFit.Mortgages);

    public static FieldInfo StatementBalance { get; } = Field(nameof(ExtractedFields.StatementBalance), FieldKind.Amount, FieldFit.Cards);

    public static FieldInfo MinimumPayment { get; } = Field(nameof(ExtractedFields.MinimumPayment), FieldKind.Amount, FieldFit.Cards);

    public static FieldInfo NextPaymentAmount { get; } = Field(nameof(ExtractedFields.NextPaymentAmount), FieldKind.Amount, FieldFit.Loans);

    public static FieldInfo NextPaymentDueDate { get; } = Field(nameof(ExtractedFields.NextPaymentDueDate), FieldKind.Date, FieldFit.Any);

    public static FieldInfo InterestRatePct { get; } = Field(nameof(ExtractedFields.InterestRatePct), FieldKind.Rate, FieldFit.Any);

    public static FieldInfo CreditLimit { get; } = Field(nameof(ExtractedFields.CreditLimit), FieldKind.Amount, FieldFit.Cards);

    public static FieldInfo AccountLast4 { get; } = Field(nameof(ExtractedFields.AccountLast4), FieldKind.Last4, FieldFit.Any);

    /// <summary>Every field, in contract order (the order of <see cref="ExtractedFields"/>' properties).</summary>
    public static IReadOnlyList<FieldInfo> All { get; } =
    [
        .. typeof(FieldCatalog).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(FieldInfo))
            .Select(p => (FieldInfo)p.GetValue(null)!)
            .OrderBy(f => Array.FindIndex(typeof(ExtractedFields).GetProperties(), p => JsonNamingPolicy.CamelCase.ConvertName(p.Name) == f.Name)),
    ];

    public static FieldInfo? Named(string name) => All.FirstOrDefault(f => f.Name == name);

    /// <summary>The fields that carry a value.</summary>
    public static IEnumerable<(FieldInfo Field, object Value)> Stated(ExtractedFields fields) =>
        All.Select(f => (f, f.Get(fields))).Where(p => p.Item2 is not null).Select(p => (p.f, p.Item2!));

    /// <summary>A copy of <paramref name="fields"/> without the values that do not belong to <paramref name="type"/>.</summary>
    public static ExtractedFields Fitting(ExtractedFields fields, LiabilityType type) =>
        Stated(fields).Where(s => !s.Field.Fits(type)).Aggregate(fields, (kept, s) => s.Field.With(kept, null));

    private static FieldInfo Field(string property, FieldKind kind, FieldFit fit) =>
        new(typeof(ExtractedFields).GetProperty(property) ?? throw new InvalidOperationException($"ExtractedFields has no {property}."), kind, fit);
}
