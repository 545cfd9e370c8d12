using Extraction.Core.Checks;
using Extraction.Core.Contracts;
using Extraction.Core.Extraction;

namespace Extraction.Core.Tests;

/// <summary>
/// The shapes and written forms the fourth blind held-out set showed (docs/quality.md): data pasted as JSON or
/// CSV, statements of several accounts, scanned letters, text messages without years, wire instructions.
/// </summary>
public sealed class DocumentShapesTests
{
    private const string AggregatorJson = """
        Mortgage liability pulled via aggregator on 10/15/2026:
        {"accounts":[{"account_id":"a1","balances":{"available":1976.41,"current":2031.84},"mask":"5205","name":"Everyday Checking","subtype":"checking","type":"depository"},
        {"account_id":"a2","balances":{"available":null,"current":167549.38},"mask":"4702","name":"Home Loan","subtype":"mortgage","type":"loan"}],
        "liabilities":{"mortgage":[{"account_id":"a2","escrow_balance":-1302.16,"interest_rate":{"percentage":5.75,"type":"fixed"},
        "next_monthly_payment":2032.85,"next_payment_due_date":"2026-11-01","origination_principal_amount":193000}]}}
        """;

    [Fact]
    public void An_aggregators_json_is_read_in_the_section_of_the_liabilitys_account()
    {
        var fields = RulesExtractor.Extract(LiabilityType.Mortgage, AggregatorJson);

        Assert.Equal(167_549.38m, fields.PrincipalBalance);
        Assert.Equal("4702", fields.AccountLast4);
        Assert.Equal(5.75m, fields.InterestRatePct);
        Assert.Equal(-1_302.16m, fields.EscrowBalance);
        Assert.Equal(2_032.85m, fields.NextPaymentAmount);
        Assert.Equal(new DateOnly(2026, 11, 1), fields.NextPaymentDueDate);
    }

    [Fact]
    public void A_number_under_a_json_rate_key_is_a_stated_percent_and_an_objects_kind_names_its_numbers()
    {
        const string Card = """
            {"liabilities":{"credit":[{"aprs":[{"apr_percentage":23.82,"apr_type":"cash_apr"},{"apr_percentage":18.82,"apr_type":"purchase_apr"}],
            "last_statement_balance":757.5,"minimum_payment_amount":25}]}}
            """;

        Assert.Contains(18.82m, DocumentFacts.Of(Card).Rates);
        var fields = RulesExtractor.Extract(LiabilityType.CreditCard, Card);
        Assert.Equal(18.82m, fields.InterestRatePct);
        Assert.Equal(757.50m, fields.StatementBalance);
        Assert.Equal(25m, fields.MinimumPayment);
    }

    [Fact]
    public void A_csv_export_is_read_in_columns_with_its_totals_row()
    {
        const string Csv = """
            EdFinancial Services - Loan Details Export,Generated 08/01/2026 1:45 PM
            Account Number,*****8307
            Monthly Payment Amount,65.77
            Payment Due,08/03/2026
            Loan,Loan Type,Disbursement Date,Original Principal,Outstanding Principal,Interest Rate
            1-01,DL Subsidized Stafford,08/25/2020,4500.00,4391.33,5.050%
            1-02,Direct Subsidized,01/11/2021,2351.89,1941.66,3.400%
            Total,,,6851.89,6332.99,
            """;

        var fields = RulesExtractor.Extract(LiabilityType.StudentLoan, Csv);

        Assert.Equal(6_332.99m, fields.PrincipalBalance);
        Assert.Equal(65.77m, fields.NextPaymentAmount);
        Assert.Equal("8307", fields.AccountLast4);
        Assert.Contains(6_332.99m, DocumentFacts.Of(Csv).Amounts);
    }

    [Theory]
    [InlineData("Payoff: $1,234.56, good through 3/4/2026.\nPrincipal $1,200.00,\nBalance $12,345.67\nThanks, Jo")]
    [InlineData("Dear Borrower,\nAs requested,\nthe payoff is $1,234.56.\nSincerely,\nLoan Servicing")]
    public void Prose_with_amounts_and_commas_is_not_read_as_csv(string letter) =>
        Assert.Null(DataText.Lines(letter));

    [Fact]
    public void A_csv_amount_with_thousands_stays_in_its_cell() =>
        Assert.Contains(DataText.Lines("Field,Value\nBalance,\"12,345.67\"\nRate,5.5%\nBalance2,12,345.67")!, l => l.Contains("12,345.67", StringComparison.Ordinal) && l.StartsWith("Balance2", StringComparison.Ordinal));

    [Theory]
    [InlineData("Your escrow was paid on March first, 0000.")]
    [InlineData("Attached:\n[1]")]
    [InlineData("[\"see attached\"]")]
    [InlineData("Balance 99999999999999999999 dollars and 5 cents")]
    [InlineData("due 3/1\u0664 and \u0664\u0665 dollars")]
    [InlineData("{\"a\":[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]}")]
    public void Odd_documents_are_read_without_an_exception(string text)
    {
        var item = new BatchItem("a-1", LiabilityType.Mortgage, null, new DateOnly(2026, 3, 1), new SourceDocument(SourceKind.Statement, text));

        _ = RulesExtractor.Extract(LiabilityType.Mortgage, text, new DateOnly(2026, 3, 1));
        _ = DocumentFacts.Of(text, new DateOnly(2026, 3, 1));
        Assert.NotNull(Prompting.Redaction.Apply(text));
        Assert.NotEmpty(new AnswerChecker(Microsoft.Extensions.Options.Options.Create(new Core.Configuration.ChecksOptions())).Run(item, new ExtractedFields { PrincipalBalance = 1m }));
    }

    [Fact]
    public void A_total_line_that_is_not_a_tables_totals_row_is_not_read_as_one()
    {
        const string Card = """
            Payment Due Date    Minimum Payment Due
            03/14/2026          $35.00
            Total Fees Charged  $0.00
            """;

        var fields = RulesExtractor.Extract(LiabilityType.CreditCard, Card);

        Assert.Equal(35.00m, fields.MinimumPayment);
        Assert.Equal(new DateOnly(2026, 3, 14), fields.NextPaymentDueDate);
    }

    [Theory]
    [InlineData("Paid $12345.67 principal last month.")]
    [InlineData("Your payment of $1,500.00 was applied: $612.22 principal, $887.78 interest.")]
    public void A_payments_principal_part_is_not_the_principal_balance(string text) =>
        Assert.Null(RulesExtractor.Extract(LiabilityType.Mortgage, text).PrincipalBalance);

    [Fact]
    public void A_shortage_label_in_the_next_column_does_not_make_an_amount_negative()
    {
        const string Line = "Escrow Balance: $1,619.44    Shortage: $0.00";

        Assert.Equal(1_619.44m, RulesExtractor.Extract(LiabilityType.Mortgage, Line).EscrowBalance);
        Assert.Contains(1_619.44m, DocumentFacts.Of(Line).Amounts);
    }

    [Theory]
    [InlineData("Escrow balance $1,619.44\nThere is no escrow shortage this year.")]
    [InlineData("Escrow balance $1,619.44\nWe may report late payments; furnishing negative information may affect your credit.")]
    public void A_denied_shortage_or_negative_information_does_not_ground_a_negative(string text) =>
        Assert.DoesNotContain(-1_619.44m, DocumentFacts.Of(text).Amounts);

    [Theory]
    [InlineData("Amount Due $65.77\nYour monthly payment could be as low as $0.00 on an income-driven plan.", 65.77)]
    [InlineData("Amount Due $2,301.10\nYour new monthly payment effective 05/01/2026 is $2,412.90.", 2_301.10)]
    public void A_new_or_hypothetical_monthly_payment_is_not_the_next_payment(string text, double amountDue) =>
        Assert.Equal((decimal)amountDue, RulesExtractor.Extract(LiabilityType.StudentLoan, text).NextPaymentAmount);

    [Theory]
    [InlineData("Rate: 5/1 ARM, fixed for five years")]
    [InlineData("Page 1/2")]
    [InlineData("pay 1/2 of the balance")]
    [InlineData("card Exp 08/27")]
    [InlineData("we may 30 days later")]
    public void Fractions_pages_and_product_names_are_not_dates_without_a_year(string text) =>
        Assert.Empty(DocumentValues.DatesAndAmounts(text, new DateOnly(2026, 3, 1)).Dates);

    [Fact]
    public void An_abbreviation_does_not_end_a_labels_sentence() =>
        Assert.Equal(new DateOnly(2026, 3, 14), RulesExtractor.Extract(LiabilityType.AutoLoan, "Payoff amount $9,876.54, good through 5:00 P.M. Eastern, March 14, 2026.").PayoffGoodThrough);

    [Theory]
    [InlineData("your previous payoff expired on 02/28/2026")]
    [InlineData("no changes to your plan; funds you mixed in")]
    public void Real_words_near_a_label_word_are_not_repaired(string text) =>
        Assert.Equal(text, MisreadWords.Repair(text));

    [Fact]
    public void An_automatic_payment_account_is_not_a_section_of_another_product()
    {
        const string Statement = """
            Mortgage Account ****1234
            Principal Balance $212,400.00
            Auto Draft Account: ****5678
            Next Payment Amount $1,845.20
            """;

        var fields = RulesExtractor.Extract(LiabilityType.Mortgage, Statement);

        Assert.Equal((212_400.00m, 1_845.20m), (fields.PrincipalBalance!.Value, fields.NextPaymentAmount!.Value));
    }

    [Fact]
    public void A_statement_of_several_accounts_is_read_in_the_liabilitys_own_section()
    {
        const string Statement = """
            S00  PRIMARY SAVINGS                       ACCOUNT XXXXXX8740
              06/06   DIVIDEND                          .44         10,489.34
            L70  NEW AUTO LOAN                         ACCOUNT XXXXXX6409
              APR                     11.860%
              NEXT DUE DATE           06/29/2026      NEXT PAYMENT AMOUNT   139.20
            L01  SHARE SECURED LOAN                    ACCOUNT XXXXXX2780
              APR                     4.820%
              NEXT DUE DATE           06/28/2026      NEXT PAYMENT AMOUNT   192.43
              ENDING BALANCE          3,513.54
            """;

        var personal = RulesExtractor.Extract(LiabilityType.PersonalLoan, Statement);
        var auto = RulesExtractor.Extract(LiabilityType.AutoLoan, Statement);

        Assert.Equal(("2780", 4.820m, 192.43m, 3_513.54m), (personal.AccountLast4, personal.InterestRatePct, personal.NextPaymentAmount, personal.PrincipalBalance));
        Assert.Equal(("6409", 11.860m, 139.20m), (auto.AccountLast4, auto.InterestRatePct, auto.NextPaymentAmount));
    }

    [Theory]
    [InlineData("Pay0ff Arnount", "Payoff Amount")]
    [InlineData("Princlpal Balance", "Principal Balance")]
    [InlineData("Loan Nurnber", "Loan Number")]
    [InlineData("Ncxt Due Date", "Next Due Date")]
    [InlineData("g0od through", "good through")]
    [InlineData("Escrow Deticit", "Escrow Deficit")]
    public void Label_words_misread_by_ocr_are_repaired(string scanned, string label)
    {
        var repaired = MisreadWords.Repair(scanned);

        Assert.Equal(label, repaired.TrimEnd());
        Assert.Equal(scanned.Length, repaired.Length); // a table's columns stay where the scan printed them
    }

    [Theory]
    [InlineData("Paid $1,234.56 on 3/4/2026 ref A12B")]
    [InlineData("Dear Maria, thank you for the note about your home.")]
    public void Figures_and_words_that_are_not_label_words_are_left_alone(string text) =>
        Assert.Equal(text, MisreadWords.Repair(text));

    [Fact]
    public void A_scanned_payoff_letter_is_read_through_its_misread_labels()
    {
        const string Scan = """
            Loan Nurnber:       7265153433
            These figures are g0od through 5/10/2026.
              Interest from 05/01/2026 to 05/10/2026 @ 5.375% ....       §240.12
              Escrow Advance .....................................     §1,446.51
            TOTAL AMOUNT TO PAY OFF ..............................  §174,506.14
            ABA Routing: 492980494
            Account:     1504851616
            """;

        var fields = RulesExtractor.Extract(LiabilityType.Mortgage, Scan);

        Assert.Equal("3433", fields.AccountLast4);
        Assert.Equal(new DateOnly(2026, 5, 10), fields.PayoffGoodThrough);
        Assert.Equal(5.375m, fields.InterestRatePct);
        Assert.Equal(-1_446.51m, fields.EscrowBalance);
        Assert.Equal(174_506.14m, fields.PayoffAmount);
    }

    [Fact]
    public void A_date_without_its_year_is_read_and_grounded_in_the_year_nearest_the_documents_date()
    {
        const string Thread = "Aidvantage: Reminder - your student loan pmt of $280.71 is due Jan 17. Acct ending 8308.";
        var asOf = new DateOnly(2025, 12, 28);

        Assert.Contains(new DateOnly(2026, 1, 17), DocumentFacts.Of(Thread, asOf).Dates);
        Assert.Equal(new DateOnly(2026, 1, 17), RulesExtractor.Extract(LiabilityType.StudentLoan, Thread, asOf).NextPaymentDueDate);
        Assert.Contains(new DateOnly(2026, 3, 14), DocumentValues.DatesAndAmounts("BAL $812.40, pmt due 3/14", asOf.AddMonths(2)).Dates);
        Assert.Null(RulesExtractor.Extract(LiabilityType.StudentLoan, Thread).NextPaymentDueDate);
    }

    [Fact]
    public void A_shortage_named_on_the_line_next_to_its_amount_grounds_a_negative_escrow()
    {
        const string Wrapped = "ESCROW: The escrow account is overdrawn. The servicer has\nadvanced $1,572.84 for taxes and insurance.";

        Assert.Contains(-1_572.84m, DocumentFacts.Of(Wrapped).Amounts);
    }

    [Theory]
    [InlineData("01/13/26 9:11 HJ  PAYOFF 34,296.55 GOOD THRU 01/23/26.", 34_296.55)]
    [InlineData("10 day payoff: $23,492.10", 23_492.10)]
    public void Payoff_followed_by_its_amount_is_the_payoff(string line, double payoff) =>
        Assert.Equal((decimal)payoff, RulesExtractor.Extract(LiabilityType.AutoLoan, line).PayoffAmount);

    [Fact]
    public void An_amount_named_principal_right_after_it_is_the_principal() =>
        Assert.Equal(28_658.28m, RulesExtractor.Extract(LiabilityType.StudentLoan, "Acct ending 8308: $28,658.28 principal + $143.23 unpaid interest.").PrincipalBalance);

    [Fact]
    public void The_next_payment_is_read_before_a_new_monthly_payment_that_begins_later()
    {
        const string Thread = """
            Rocket Mtg: Beginning Apr 1 your new monthly payment will be $4,080.82.
            Rocket Mtg: Loan ending 6546: Principal bal $495,152.44. Next pmt $4,092.11 due Feb 1.
            """;

        Assert.Equal(4_092.11m, RulesExtractor.Extract(LiabilityType.Mortgage, Thread).NextPaymentAmount);
    }

    [Theory]
    [InlineData("Reduced APR 0.00% - Equal Payments\nPurchase APR 29.99%")]
    [InlineData("cash apr percentage: 24.99%\npurchase apr percentage: 29.99%")]
    [InlineData("Promotional APR 0%\nStandard Purchase APR 29.99%")]
    public void A_promotional_reduced_or_cash_apr_is_not_the_accounts_rate(string text) =>
        Assert.Equal(29.99m, RulesExtractor.Extract(LiabilityType.CreditCard, text).InterestRatePct);

    [Fact]
    public void An_escrow_account_that_holds_an_amount_states_its_balance() =>
        Assert.Equal(1_431.89m, RulesExtractor.Extract(LiabilityType.Mortgage, "E5CROW: The escrow account currently holds S1,431.89. Do not deduct it.").EscrowBalance);
}
