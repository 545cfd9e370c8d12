namespace Extraction.Core.Flywheel;

/// <summary>What the candidate's shadow answers on live accounts agreed with of the served answers.</summary>
/// <param name="Agreement">Per field, the share of shadow answers that gave the served value.</param>
public sealed record ShadowAgreement(int Accounts, int Unanswered, double AllFieldsAgreed, IReadOnlyDictionary<string, double> Agreement, decimal CostUsd);
