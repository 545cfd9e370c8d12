namespace Extraction.Core.Contracts;

/// <summary>batch.v1 <c>liabilityType</c>; serialized in snake_case (<c>auto_loan</c>).</summary>
public enum LiabilityType
{
    AutoLoan,
    Mortgage,
    CreditCard,
    StudentLoan,
    PersonalLoan,
    Other,
}
