using Extraction.Core.Checks;
using Extraction.Core.Contracts;
using Extraction.Core.Extraction;
using Extraction.Core.Prompting;

namespace Extraction.Core.Tests;

public sealed class RedactionTests
{
    [Theory]
    [InlineData("Account 1234567890123", "Account *********0123")]
    [InlineData("Card 4111 1111 1111 1234 on file", "Card **** **** **** 1234 on file")]
    [InlineData("Card 4111-1111-1111-1234.", "Card ****-****-****-1234.")]
    [InlineData("Write to jane.doe@example.com today", "Write to [email] today")]
    [InlineData("Call (555) 123-4567 or 555.987.6543", "Call [phone] or [phone]")]
    [InlineData("Call +1 555-123-4567", "Call [phone]")]
    [InlineData("Mail to 1200 Main Street, Suite 300 please", "Mail to [address] please")]
    [InlineData("Property: 42 Oak Ridge Dr.", "Property: [address]")]
    [InlineData("CUSTOMER: it's 4 1 1 1 2 2 2 2 3 3 3 3 9 8 7 6.", "CUSTOMER: it's * * * * * * * * * * * * 9 8 7 6.")]
    [InlineData("my social is seven eight one two two four four one seven", "my social is * * * * * four four one seven")]
    [InlineData("card 4-1-1-1-2-2-2-2-3-3-3-3-9-8-7-6 on file", "card *-*-*-*-*-*-*-*-*-*-*-*-9-8-7-6 on file")]
    [InlineData("the card ending in 2-1-6-0, ZIP 7 7 2 2 8", "the card ending in 2-1-6-0, ZIP 7 7 2 2 8")]
    [InlineData("my card is 4 1 1 1, 2 2 2 2, 3 3 3 3, 9 8 7 6", "my card is * * * *, * * * *, * * * *, 9 8 7 6")]
    [InlineData("social is seven eight one, two two, four four one seven", "social is * * *, * *, four four one seven")]
    public void Personal_data_is_masked_and_the_last_four_digits_survive(string text, string expected) =>
        Assert.Equal(expected, Redaction.Apply(text));

    [Theory]
    [InlineData("Total Payoff Amount $234,386.15")]
    [InlineData("Outstanding Principal     450256.88")]
    [InlineData("Loan number: XXXXXX6626")]
    [InlineData("Payment Due Date: 02-11-2026 and 2026-03-19")]
    [InlineData("Interest rate: 2.611 percent; per diem after 11/12/2026: $1.01")]
    [InlineData("Total due USD 12345678 by 05/04/26")]
    [InlineData("Balance 12345678.00")]
    public void Amounts_dates_rates_and_masked_numbers_are_left_alone(string text) =>
        Assert.Equal(text, Redaction.Apply(text));

    [Fact]
    public void Redaction_loses_no_field_of_the_reference_samples()
    {
        var gold = ReferenceSamples.Gold();
        foreach (var line in ReferenceSamples.BatchLines())
        {
            var item = Batches.BatchLineParser.Parse(System.Text.Encoding.UTF8.GetBytes(line)).Item!;
            Assert.Equal(gold[item.AccountId], RulesExtractor.Extract(item.LiabilityType, Redaction.Apply(item.Source.Text)));
        }
    }

    [Fact]
    public void The_prompt_shows_the_model_the_redacted_document()
    {
        var item = new BatchItem("a", LiabilityType.AutoLoan, "Ally", new DateOnly(2026, 3, 1),
            new SourceDocument(SourceKind.PayoffLetter, "Account 1234567890123, questions to help@ally.example.com"));

        var user = ExtractionPrompt.UserMessage(item);

        Assert.EndsWith("--- document ---\nAccount *********0123, questions to [email]", user, StringComparison.Ordinal);
        Assert.Contains("0123", DocumentFacts.Of(item.Source.Text).Last4s);
    }
}
