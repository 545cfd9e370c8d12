using Extraction.Core.Contracts;
using Extraction.Core.Review;

namespace Extraction.Core.Tests;

public sealed class ReviewEvidenceTests
{
    private const string Letter = "Ally Financial\nPAYOFF STATEMENT\n  Unpaid Principal Balance   $6,000.00\n  Total Payoff Amount        $5,210.44\nThe figures are good through the end of the month.\nThank you";

    [Fact]
    public void A_doubted_value_shows_its_line_and_the_one_before_and_a_field_left_out_shows_the_lines_that_name_it()
    {
        var result = Result(
            new ExtractedFields { PayoffAmount = 5210.44m, PrincipalBalance = 6000m },
            new CheckResult("second_opinion", false, "doubt") { Fields = ["payoffAmount"] },
            new CheckResult("expected_fields", false, "missing") { Fields = ["payoffGoodThrough"] });

        var evidence = ReviewEvidence.Of(result, Letter);

        Assert.Equal(["payoffAmount", "payoffGoodThrough"], evidence.Select(e => e.Field));
        Assert.Equal(5210.44m, evidence[0].Value);
        Assert.Equal("  Unpaid Principal Balance   $6,000.00\n  Total Payoff Amount        $5,210.44", Assert.Single(evidence[0].Lines));
        Assert.Null(evidence[1].Value);
        Assert.Equal(["The figures are good through the end of the month."], evidence[1].Lines);
    }

    [Fact]
    public void Where_no_check_names_a_field_every_stated_field_is_shown()
    {
        var result = Result(new ExtractedFields { PayoffAmount = 5210.44m, PrincipalBalance = 6000m }, new CheckResult("grounded", true, "ok"));

        var evidence = ReviewEvidence.Of(result, Letter);

        Assert.Equal(["payoffAmount", "principalBalance"], evidence.Select(e => e.Field));
        Assert.All(evidence, e => Assert.NotEmpty(e.Lines));
    }

    private static ExtractionResult Result(ExtractedFields fields, params CheckResult[] checks) =>
        new() { AccountId = "a-1", Status = ResultStatus.NeedsReview, Fields = fields, Checks = checks };
}
