using System.Reflection;
using System.Text.Json;
using Extraction.Core.Contracts;
using Extraction.Core.Extraction;
using Extraction.Tooling.Generation;

namespace Extraction.Core.Tests;

public sealed class RulesExtractorTests
{
    private static readonly string[] FieldNames = typeof(ExtractedFields).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.Name != nameof(ExtractedFields.StatedCount)).Select(p => p.Name).ToArray();

    [Fact]
    public void On_the_gold_samples_nearly_every_field_is_right_and_no_value_is_invented()
    {
        var gold = ReferenceSamples.Gold();
        var score = Score(File.ReadLines(ReferenceSamples.BatchPath).Select(ReadItem), item => gold[item.AccountId]);

        // Measured: see docs/performance.md. A drop here means a rule regressed.
        Assert.True(score.FieldAccuracy >= 0.99, score.ToString());
        Assert.True(score.WrongValues == 0, score.ToString());
    }

    [Fact]
    public void On_a_synthetic_batch_with_other_wording_it_stays_accurate_and_prefers_null_to_a_guess()
    {
        var accounts = new SyntheticBatchGenerator(seed: 3).Generate(1_000).ToDictionary(a => a.AccountId);
        var score = Score(accounts.Values.Select(a => ReadItem(a.Line)), item => accounts[item.AccountId].Gold!);

        Assert.True(score.FieldAccuracy >= 0.99, score.ToString());
        Assert.True(score.WrongValues == 0, score.ToString());
    }

    [Fact]
    public void An_escrow_shortage_is_a_negative_balance()
    {
        var fields = RulesExtractor.Extract(LiabilityType.Mortgage, "Escrow Balance            ($1,204.18)\nEscrow Shortage 99.00");

        Assert.Equal(-1204.18m, fields.EscrowBalance);
        Assert.Equal(-99m, RulesExtractor.Extract(LiabilityType.Mortgage, "Escrow shortage: $99.00").EscrowBalance);
    }

    [Fact]
    public void A_cash_advance_APR_is_not_the_interest_rate()
    {
        var fields = RulesExtractor.Extract(LiabilityType.CreditCard, "Cash Advance APR 29.99%\nPurchase APR 19.24%");

        Assert.Equal(19.24m, fields.InterestRatePct);
    }

    [Fact]
    public void A_number_with_no_label_is_left_null()
    {
        var fields = RulesExtractor.Extract(LiabilityType.AutoLoan, "We spoke about $12,000.00 and 5% and 03/04/2026 and the loan 12345678.");

        Assert.Equal(0, fields.StatedCount);
    }

    [Fact]
    public void A_value_in_the_column_under_its_label_is_read()
    {
        const string Text = """
            Type of Balance     Annual Percentage Rate (APR)   Balance Subject to Interest Rate
            Purchases           22.99% (v)                    $1,200.00
            Cash Advances       29.99% (v)                    $0.00
            """;

        Assert.Equal(22.99m, RulesExtractor.Extract(LiabilityType.CreditCard, Text).InterestRatePct);
        // Not under the label: a value elsewhere on the next line is not the label's.
        Assert.Null(RulesExtractor.Extract(LiabilityType.Mortgage, "Explanation of Amount Due\n  Principal & Interest      $1,234.56").NextPaymentAmount);
        Assert.Equal(1_234.56m, RulesExtractor.Extract(LiabilityType.Mortgage, "Explanation of Amount Due\n                 $1,234.56").NextPaymentAmount);
    }

    [Fact]
    public void A_question_is_answered_in_the_next_turn_of_a_conversation()
    {
        const string Text = """
            [00:00:04] REP (Dana): For verification, can I get the last four of your account number?
            [00:00:11] BORROWER: Yeah, 4412.
            """;

        Assert.Equal("4412", RulesExtractor.Extract(LiabilityType.StudentLoan, Text).AccountLast4);
    }

    [Theory]
    [InlineData("Int accrues 4.12/day thereafter.")]
    [InlineData("After that, interest accrues at $4.12 per day.")]
    [InlineData("Each day after that adds $4.12 of interest.")]
    [InlineData("Daily interest: four dollars and twelve cents")]
    public void A_daily_amount_is_read_before_or_after_its_unit(string text) =>
        Assert.Equal(4.12m, RulesExtractor.Extract(LiabilityType.AutoLoan, text).PerDiem);

    [Theory]
    [InlineData("<span>Vehicle Loan &bull;&bull;&bull;&bull;7731</span>")]
    [InlineData("LOAN PAYOFF -- MBR ACCT 12-3456-7731")]
    [InlineData("Loan ID: PL-4410027731")]
    public void The_last_four_are_read_from_masked_grouped_or_prefixed_numbers(string text) =>
        Assert.Equal("7731", RulesExtractor.Extract(LiabilityType.AutoLoan, text).AccountLast4);

    [Fact]
    public void An_amount_in_words_is_read_to_its_end_even_past_the_labels_window()
    {
        const string Text = "Rep: The unpaid principal is four hundred and sixty-one thousand five hundred and eight dollars and thirty-nine cents. Thanks.";

        Assert.Equal(461_508.39m, RulesExtractor.Extract(LiabilityType.Mortgage, Text).PrincipalBalance);
    }

    [Fact]
    public void A_payoff_the_agent_cannot_give_is_null_and_an_account_number_is_not_money()
    {
        const string Text = """
            Customer: I need a payoff amount on my loan ending in 5463.
            Agent: I'm sorry, I can't give you a payoff figure on this call.
            Agent: The principal balance shows $8,120.44, but that is not a payoff amount.
            """;

        var fields = RulesExtractor.Extract(LiabilityType.AutoLoan, Text);

        Assert.Null(fields.PayoffAmount);
        Assert.Equal(8_120.44m, fields.PrincipalBalance);
        Assert.Equal("5463", fields.AccountLast4);
    }

    private static BatchItem ReadItem(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        return new BatchItem(
            root.GetProperty("accountId").GetString()!,
            ContractJson.ParseWireName<LiabilityType>(root.GetProperty("liabilityType").GetString()),
            null,
            null,
            new SourceDocument(SourceKind.Other, root.GetProperty("source").GetProperty("text").GetString()!));
    }

    private static Scorecard Score(IEnumerable<BatchItem> items, Func<BatchItem, ExtractedFields> gold)
    {
        int fields = 0, right = 0, wrong = 0, missed = 0;
        var misses = new List<string>();
        foreach (var item in items)
        {
            var expected = gold(item);
            var actual = RulesExtractor.Extract(item.LiabilityType, item.Source.Text);
            foreach (var name in FieldNames)
            {
                var property = typeof(ExtractedFields).GetProperty(name)!;
                var (e, a) = (property.GetValue(expected), property.GetValue(actual));
                fields++;
                if (Equals(e, a))
                {
                    right++;
                }
                else if (a is null)
                {
                    missed++;
                    misses.Add($"{item.AccountId}.{name}: missed {e}");
                }
                else
                {
                    wrong++;
                    misses.Add($"{item.AccountId}.{name}: {a} instead of {e?.ToString() ?? "null"}");
                }
            }
        }

        return new Scorecard(fields, right, wrong, missed, misses);
    }

    private sealed record Scorecard(int Fields, int Right, int WrongValues, int Missed, List<string> Misses)
    {
        public double FieldAccuracy => (double)Right / Fields;

        public override string ToString() =>
            $"{Right}/{Fields} right, {WrongValues} wrong, {Missed} missed; first: {string.Join(" | ", Misses.Take(8))}";
    }

    /// <summary>A portal page as saved: minified, with sizes in the markup between a label and its value.</summary>
    private const string PortalPage =
        "<html><head><style>td { width: 300px }</style></head><body><h2>Loan Summary</h2><table class=\"summary\" width=\"640\">"
        + "<tr><th>Payoff Amount</th><td width=\"120\" align=\"right\">$14,127.79</td></tr><tr><td>Payoff Good Through</td><td>03/31/2026</td></tr>"
        + "<tr><td>Principal Balance</td><td>$14,077.49</td></tr><tr><td>Loan Number</td><td>XXXXXX6626</td></tr></table>"
        + "<p>Questions? Call 1-800-555-0100 &amp; ask for payoffs.</p></body></html>";

    [Fact]
    public void A_portal_page_saved_as_an_html_table_is_read_row_by_row()
    {
        var fields = RulesExtractor.Extract(LiabilityType.AutoLoan, PortalPage);

        Assert.Equal((14127.79m, new DateOnly(2026, 3, 31), 14077.49m, "6626"), (fields.PayoffAmount, fields.PayoffGoodThrough, fields.PrincipalBalance, fields.AccountLast4));
    }

    [Fact]
    public void Markup_is_not_read_as_values_the_document_states()
    {
        var facts = Checks.DocumentFacts.Of(PortalPage);

        Assert.Contains(14127.79m, facts.Amounts);
        Assert.DoesNotContain(640m, facts.Amounts);
        Assert.DoesNotContain(300m, facts.Amounts);
        Assert.DoesNotContain(120m, facts.Amounts);
        Assert.Equal(["Loan Summary", "Payoff Amount $14,127.79", "Payoff Good Through 03/31/2026"], Extraction.DocumentText.Lines(PortalPage).Take(3));
    }
}
