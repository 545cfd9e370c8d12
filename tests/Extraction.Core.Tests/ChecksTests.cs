using Extraction.Core.Checks;
using Extraction.Core.Configuration;
using Extraction.Core.Contracts;
using Microsoft.Extensions.Options;

namespace Extraction.Core.Tests;

public sealed class ChecksTests
{
    private static readonly AnswerChecker Checker = new(Options.Create(new ChecksOptions()));

    [Theory]
    [InlineData("Total Payoff Amount $18,452.17", 18452.17)]
    [InlineData("Total Payoff Amount 18452.17", 18452.17)]
    [InlineData("Total Payoff Amount USD 18,452.17", 18452.17)]
    [InlineData("Total Payoff Amount $ 18,452", 18452)]
    [InlineData("Escrow Balance -$312.40", -312.40)]
    [InlineData("Escrow Balance ($312.40)", -312.40)]
    [InlineData("Escrow Balance 312.40 (shortage)", -312.40)]
    [InlineData("Escrow shortage of $312.40 this year", -312.40)]
    public void An_amount_is_grounded_in_each_of_its_written_forms(string text, double value)
    {
        var facts = DocumentFacts.Of($"Some header\n{text}\nfooter");

        Assert.Contains((decimal)value, facts.Amounts);
    }

    [Fact]
    public void A_positive_amount_is_not_grounded_by_a_shortage_alone_and_a_negative_needs_a_negative_form()
    {
        var facts = DocumentFacts.Of("Escrow Balance $312.40\nPrincipal $1,000.00");

        Assert.Contains(312.40m, facts.Amounts);
        Assert.DoesNotContain(-312.40m, facts.Amounts);
    }

    [Theory]
    [InlineData("2026-04-03")]
    [InlineData("04/03/2026")]
    [InlineData("4/3/2026")]
    [InlineData("04-03-2026")]
    [InlineData("April 3, 2026")]
    [InlineData("Apr 3, 2026")]
    [InlineData("3 April 2026")]
    public void A_date_is_grounded_in_the_usual_US_and_ISO_forms_and_spelled_out_months(string written) =>
        Assert.Contains(new DateOnly(2026, 4, 3), DocumentFacts.Of($"The figures are valid through {written}.").Dates);

    [Fact]
    public void A_good_through_date_said_aloud_as_an_ordinal_is_grounded_so_a_right_answer_is_not_flagged()
    {
        // The class of the 5.5% clean answers flagged on unseen documents: "valid until January 31st, 2026".
        var item = Item(LiabilityType.AutoLoan, "Agent: Your payoff is $8,214.55, and that quote is valid until Friday, January 31st, 2026.");
        var fields = new ExtractedFields { PayoffAmount = 8214.55m, PayoffGoodThrough = new DateOnly(2026, 1, 31) };

        Assert.True(Single(item, fields, GroundingCheck.CheckName).Passed);
    }

    [Fact]
    public void A_figure_read_aloud_in_words_is_grounded_and_a_different_one_is_not()
    {
        var item = Item(LiabilityType.AutoLoan, "Agent: Your payoff amount is eight thousand two hundred fourteen dollars and fifty-five cents.");

        Assert.True(Single(item, new ExtractedFields { PayoffAmount = 8214.55m }, GroundingCheck.CheckName).Passed);
        Assert.False(Single(item, new ExtractedFields { PayoffAmount = 8241.55m }, GroundingCheck.CheckName).Passed);
    }

    [Theory]
    [InlineData("Interest rate: 6.125%")]
    [InlineData("Interest rate 6.125 percent")]
    public void A_rate_is_grounded_with_a_percent_sign_or_word(string text) =>
        Assert.Contains(6.125m, DocumentFacts.Of(text).Rates);

    [Theory]
    [InlineData("auto loan ending in 3439.")]
    [InlineData("Loan number: XXXXXX3439")]
    [InlineData("Account Number: ******3439")]
    [InlineData("Account 0000123439")]
    public void The_last_four_digits_are_grounded_masked_or_not(string text) =>
        Assert.Contains("3439", DocumentFacts.Of(text).Last4s);

    [Fact]
    public void A_value_the_document_never_states_fails_grounding_and_names_the_field()
    {
        var item = Item(LiabilityType.AutoLoan, "The payoff amount is $10,028.70, good through 04/03/2026. Loan ending in 3439.");
        var fields = new ExtractedFields { PayoffAmount = 10_128.70m, PayoffGoodThrough = new DateOnly(2026, 4, 3), AccountLast4 = "3439" };

        var grounded = Single(item, fields, GroundingCheck.CheckName);

        Assert.False(grounded.Passed);
        Assert.Equal("payoffAmount 10,128.70 is written nowhere in the document, in any form", grounded.Detail);
        Assert.Equal(["payoffAmount"], grounded.Fields);
        Assert.False(grounded.Soft);
    }

    [Fact]
    public void A_value_in_a_form_the_normaliser_does_not_read_is_grounded_not_accused()
    {
        // The parenthesis is an aside, not a negative; the date is said with its day as an ordinal word.
        var item = Item(LiabilityType.AutoLoan, "the payment due September 1, 2026 (4,179.43) need not be made; payoff good through the thirtieth of november", new DateOnly(2026, 11, 2));
        var fields = new ExtractedFields { NextPaymentAmount = 4_179.43m, PayoffGoodThrough = new DateOnly(2026, 11, 30) };

        var grounded = Single(item, fields, GroundingCheck.CheckName);

        Assert.True(grounded.Passed, grounded.Detail);
        Assert.False(grounded.Abstained);
    }

    [Fact]
    public void A_value_found_only_as_a_misprint_is_a_case_grounding_cannot_judge()
    {
        var item = Item(LiabilityType.AutoLoan, "PAY0FF AMT 4,l79.43");

        var grounded = Single(item, new ExtractedFields { PayoffAmount = 4_179.43m }, GroundingCheck.CheckName);

        Assert.True(grounded.Passed);
        Assert.True(grounded.Abstained);
        Assert.StartsWith("could not judge: payoffAmount 4,179.43", grounded.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_second_opinion_catches_a_number_that_is_in_the_document_but_the_wrong_one_and_a_dropped_field()
    {
        var item = Item(LiabilityType.AutoLoan, "Unpaid Principal Balance $14,077.49\nTotal Payoff Amount $14,127.79\nLoan number: XXXXXX6626");
        var fields = new ExtractedFields { PayoffAmount = 14_077.49m, PrincipalBalance = 14_077.49m };

        var opinion = Single(item, fields, SecondOpinionCheck.CheckName);

        Assert.False(opinion.Passed);
        Assert.Contains("payoffAmount is 14,077.49 but the labelled value is 14,127.79", opinion.Detail, StringComparison.Ordinal);
        Assert.Contains("accountLast4 is missing but the document labels 6626", opinion.Detail, StringComparison.Ordinal);
        Assert.True(Single(item, fields, GroundingCheck.CheckName).Passed);
        Assert.False(opinion.Soft);
        Assert.Equal(["payoffAmount", "accountLast4"], opinion.Fields);
    }

    [Fact]
    public void Where_a_label_names_several_values_an_answer_that_is_one_of_them_cannot_be_judged()
    {
        // A chat where the agent corrects the quote: the rules cannot tell which is the account's.
        var item = Item(LiabilityType.AutoLoan, "Agent: The payoff amount is $24,097.70.\nAgent: Sorry, that was last month. The payoff amount is $23,611.02.\nAgent: Payoff (if wired today) $23,596.10.");

        var later = Single(item, new ExtractedFields { PayoffAmount = 23_611.02m }, SecondOpinionCheck.CheckName);
        var wired = Single(item, new ExtractedFields { PayoffAmount = 23_596.10m }, SecondOpinionCheck.CheckName);
        var nowhere = Single(item, new ExtractedFields { PayoffAmount = 23_116.02m }, SecondOpinionCheck.CheckName);

        Assert.True(later.Passed);
        Assert.True(later.Abstained);
        Assert.False(wired.Passed);
        Assert.True(wired.Soft, "the document calls the answer's value a payoff under a label the rules do not read: a doubt");
        Assert.False(nowhere.Passed);
        Assert.False(nowhere.Soft, "a value the document never calls a payoff is a firm disagreement");
    }

    [Fact]
    public void A_teacher_that_agrees_settles_a_doubt_but_never_a_firm_failure()
    {
        var doubt = new CheckResult(SecondOpinionCheck.CheckName, false, "payoffAmount is 1.00 but the labelled value is 2.00") { Soft = true, Fields = ["payoffAmount"] };
        var firm = new CheckResult(GroundingCheck.CheckName, false, "payoffAmount 1.00 is written nowhere") { Fields = ["payoffAmount"] };
        var answer = new ExtractedFields { PayoffAmount = 1m, PerDiem = 3m };

        var agreed = Agreement.Settle([doubt, firm], answer, answer with { PerDiem = 4m });
        var disagreed = Agreement.Settle([doubt], answer, answer with { PayoffAmount = 2m });

        Assert.True(agreed[0].Passed);
        Assert.True(agreed[0].Settled);
        Assert.False(agreed[1].Passed);
        Assert.False(disagreed[0].Passed);
    }

    [Fact]
    public void A_document_kind_missing_its_usual_field_is_a_doubt_about_that_field()
    {
        var item = new BatchItem("a-1", LiabilityType.AutoLoan, null, null, new SourceDocument(SourceKind.PayoffLetter, "Payoff $1,000.00"));

        var expected = Single(item, new ExtractedFields { PayoffAmount = 1_000m }, ExpectedFieldsCheck.CheckName);

        Assert.False(expected.Passed);
        Assert.True(expected.Soft);
        Assert.Equal(["payoffGoodThrough"], expected.Fields);
    }

    [Theory]
    [InlineData(LiabilityType.CreditCard, "principalBalance", false)]
    [InlineData(LiabilityType.AutoLoan, "escrowBalance", false)]
    [InlineData(LiabilityType.AutoLoan, "creditLimit", false)]
    [InlineData(LiabilityType.Mortgage, "escrowBalance", true)]
    [InlineData(LiabilityType.CreditCard, "creditLimit", true)]
    public void Fields_must_fit_the_liability_type(LiabilityType type, string field, bool fits)
    {
        var fields = field switch
        {
            "principalBalance" => new ExtractedFields { PrincipalBalance = 100m },
            "escrowBalance" => new ExtractedFields { EscrowBalance = 100m },
            _ => new ExtractedFields { CreditLimit = 100m },
        };

        Assert.Equal(fits, Single(Item(type, "x"), fields, FieldsFitTypeCheck.CheckName).Passed);
    }

    [Theory]
    [InlineData(LiabilityType.Mortgage, 7.5, true)]
    [InlineData(LiabilityType.Mortgage, 75, false)]
    [InlineData(LiabilityType.CreditCard, 29.99, true)]
    [InlineData(LiabilityType.CreditCard, -1, false)]
    public void Rates_must_be_in_range_for_the_type(LiabilityType type, double rate, bool passes) =>
        Assert.Equal(passes, Single(Item(type, "x"), new ExtractedFields { InterestRatePct = (decimal)rate }, ValueRangesCheck.CheckName).Passed);

    [Fact]
    public void Amounts_out_of_range_fail()
    {
        var check = Single(Item(LiabilityType.Mortgage, "x"), new ExtractedFields { PrincipalBalance = -5m, PerDiem = 9_000m }, ValueRangesCheck.CheckName);

        Assert.False(check.Passed);
        Assert.Contains("principalBalance -5.00 is outside", check.Detail, StringComparison.Ordinal);
        Assert.Contains("perDiem 9,000.00 is outside", check.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(14_127.79, 14_077.49, true)]
    [InlineData(14_077.49, 14_127.79, false)]
    [InlineData(90_000.00, 14_077.49, false)]
    public void The_payoff_covers_the_principal(double payoff, double principal, bool passes) =>
        Assert.Equal(passes, Single(Item(LiabilityType.AutoLoan, "x"), new ExtractedFields { PayoffAmount = (decimal)payoff, PrincipalBalance = (decimal)principal }, PayoffCoversPrincipalCheck.CheckName).Passed);

    [Fact]
    public void The_payoff_rule_does_not_run_without_both_values() =>
        Assert.Null(Run(Item(LiabilityType.AutoLoan, "x"), new ExtractedFields { PayoffAmount = 1m }).SingleOrDefault(c => c.Name == PayoffCoversPrincipalCheck.CheckName));

    [Theory]
    [InlineData("2026-03-25", null, true)]
    [InlineData("2026-03-01", null, false)]
    [InlineData("2026-09-01", null, false)]
    [InlineData(null, "2026-04-01", true)]
    [InlineData(null, "2027-04-01", false)]
    [InlineData(null, "2025-12-01", false)]
    public void Dates_fall_in_a_sane_window_of_as_of(string? goodThrough, string? due, bool passes)
    {
        var fields = new ExtractedFields
        {
            PayoffGoodThrough = goodThrough is null ? null : DateOnly.Parse(goodThrough, System.Globalization.CultureInfo.InvariantCulture),
            NextPaymentDueDate = due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
        };

        Assert.Equal(passes, Single(Item(LiabilityType.Mortgage, "x", asOf: new DateOnly(2026, 3, 19)), fields, DateWindowsCheck.CheckName).Passed);
    }

    [Theory]
    [InlineData(25.00, 529.83, true)]
    [InlineData(529.83, 25.00, false)]
    public void The_minimum_payment_is_within_the_statement_balance(double minimum, double balance, bool passes) =>
        Assert.Equal(passes, Single(Item(LiabilityType.CreditCard, "x"), new ExtractedFields { MinimumPayment = (decimal)minimum, StatementBalance = (decimal)balance }, PaymentsWithinBalancesCheck.CheckName).Passed);

    [Theory]
    [InlineData(1.01, true)]
    [InlineData(1.00, true)]
    [InlineData(10.07, false)]
    public void The_per_diem_matches_principal_times_rate_over_365(double perDiem, bool passes) =>
        Assert.Equal(passes, Single(Item(LiabilityType.AutoLoan, "x"), new ExtractedFields { PerDiem = (decimal)perDiem, PrincipalBalance = 14_077.49m, InterestRatePct = 2.611m }, PerDiemConsistentCheck.CheckName).Passed);

    [Theory]
    [InlineData("Escrow Balance 312.40 (shortage)", true)]
    [InlineData("Escrow Balance $312.40", false)]
    public void A_negative_escrow_needs_a_stated_shortage(string text, bool passes) =>
        Assert.Equal(passes, Single(Item(LiabilityType.Mortgage, text), new ExtractedFields { EscrowBalance = -312.40m }, EscrowShortageCheck.CheckName).Passed);

    [Theory]
    [InlineData(LiabilityType.AutoLoan, SourceKind.PayoffLetter, false)]
    [InlineData(LiabilityType.CreditCard, SourceKind.Statement, false)]
    [InlineData(LiabilityType.AutoLoan, SourceKind.CallTranscript, true)]
    public void A_document_kind_that_always_states_a_field_makes_it_expected(LiabilityType type, SourceKind kind, bool passesWithNothing)
    {
        var item = new BatchItem("a-1", type, null, null, new SourceDocument(kind, "x"));
        var check = Run(item, new ExtractedFields { AccountLast4 = "1234" }).SingleOrDefault(c => c.Name == ExpectedFieldsCheck.CheckName);

        Assert.Equal(passesWithNothing, check?.Passed ?? true);
    }

    [Fact]
    public void Every_gold_answer_of_the_reference_samples_passes_every_check()
    {
        var gold = ReferenceSamples.Gold();
        var failures = ReferenceSamples.BatchLines()
            .Select(line => Batches.BatchLineParser.Parse(System.Text.Encoding.UTF8.GetBytes(line)).Item!)
            .SelectMany(item => Run(item, gold[item.AccountId]).Where(c => !c.Passed).Select(c => $"{item.AccountId} {c.Name}: {c.Detail}"))
            .ToList();

        Assert.Empty(failures);
    }

    private static BatchItem Item(LiabilityType type, string text, DateOnly? asOf = null) =>
        new("a-1", type, null, asOf, new SourceDocument(SourceKind.Statement, text));

    private static IReadOnlyList<CheckResult> Run(BatchItem item, ExtractedFields fields) => Checker.Run(item, fields);

    private static CheckResult Single(BatchItem item, ExtractedFields fields, string name) => Assert.Single(Run(item, fields), c => c.Name == name);
}
