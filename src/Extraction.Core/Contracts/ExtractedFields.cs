using System.Text.Json.Serialization;

namespace Extraction.Core.Contracts;

/// <summary>
/// fields.v1: every key is always present; <c>null</c> means the document does not state it.
/// Amounts are in the account's currency, rounded to cents; rates are percent as given.
/// </summary>
public sealed record ExtractedFields
{
    public decimal? PayoffAmount { get; init; }
    public DateOnly? PayoffGoodThrough { get; init; }
    public decimal? PerDiem { get; init; }
    public decimal? PrincipalBalance { get; init; }
    public decimal? EscrowBalance { get; init; }
    public decimal? StatementBalance { get; init; }
    public decimal? MinimumPayment { get; init; }
    public decimal? NextPaymentAmount { get; init; }
    public DateOnly? NextPaymentDueDate { get; init; }
    public decimal? InterestRatePct { get; init; }
    public decimal? CreditLimit { get; init; }
    public string? AccountLast4 { get; init; }

    public static ExtractedFields Empty { get; } = new();

    /// <summary>How many of the fields carry a value.</summary>
    [JsonIgnore]
    public int StatedCount => FieldCatalog.All.Count(f => f.Get(this) is not null);
}
