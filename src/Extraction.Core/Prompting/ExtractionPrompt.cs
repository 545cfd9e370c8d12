using System.Globalization;
using Extraction.Core.Contracts;

namespace Extraction.Core.Prompting;

/// <summary>
/// The one prompt every model gets, at inference and in training data alike. Change the wording, and
/// change <see cref="Version"/>: it is stored with every raw record and training example.
/// </summary>
public static class ExtractionPrompt
{
    /// <summary>prompt-2: the document is redacted (<see cref="Redaction"/>) before the model sees it.</summary>
    public const string Version = "fields-v1/prompt-2";

    /// <summary>Marks where the (redacted) document starts in the user message; what follows it, to the end, is the document.</summary>
    public const string DocumentMarker = "--- document ---";

    /// <summary>The system message; its key list is fields.v1's (<see cref="FieldCatalog"/>), six to a line.</summary>
    public static string SystemMessage { get; } = $"""
        You extract liability data from one document: a call transcript with a lender's agent, a payoff letter,
        a loan, mortgage or credit card statement, or a servicer's portal page.
        Answer with one JSON object with exactly these keys, and nothing else:
        {string.Join(",\n", FieldCatalog.All.Select(f => f.Name).Chunk(6).Select(line => string.Join(", ", line)))}.
        Rules:
        - Use null for anything the document does not state. Never guess or compute a value.
        - Amounts are plain numbers in the account's currency, rounded to cents, without symbols or commas.
        - An escrow shortage or deficit is a negative escrowBalance.
        - Dates are yyyy-MM-dd.
        - interestRatePct is the interest rate or purchase APR in percent (6.125 means 6.125%).
        - statementBalance, minimumPayment and creditLimit are for credit cards; nextPaymentAmount is the regular
          payment of a loan or mortgage; payoffAmount is the amount to pay the loan in full as quoted.
        - accountLast4 is the last four digits of the account or loan number, as a string of 4 digits.
        """;

    public static string UserMessage(BatchItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return string.Create(CultureInfo.InvariantCulture, $"""
            Liability type: {ContractJson.WireName(item.LiabilityType)}
            Source kind: {ContractJson.WireName(item.Source.Kind)}
            Lender: {item.Lender ?? "not given"}
            Captured on: {item.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "not given"}
            {DocumentMarker}
            {Redaction.Apply(item.Source.Text)}
            """);
    }
}
