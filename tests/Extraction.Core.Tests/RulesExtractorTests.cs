using System.Reflection;
using System.Text.Json;
using Extraction.Tooling.Generation;
using Extraction.Core.Contracts;
using Extraction.Core.Extraction;

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
