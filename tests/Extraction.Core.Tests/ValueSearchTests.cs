using Extraction.Core.Extraction;

namespace Extraction.Core.Tests;

/// <summary>The grounding search finds a value in its own renderings, forms the normaliser need not know.</summary>
public sealed class ValueSearchTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 10);

    [Theory]
    [InlineData("the payment due September 1, 2026 (4,179.43) need not be made", "4179.43")]
    [InlineData("Saldo total: 4.179,43 USD", "4179.43")]
    [InlineData("Saldo total: 4 179,43", "4179.43")]
    [InlineData("the sum of four thousand one hundred seventy-nine and 43/100 dollars", "4179.43")]
    [InlineData("four thousand one hundred seventy nine dollars and forty three cents", "4179.43")]
    [InlineData("PAYOFF AMT ........ 4179.43", "4179.43")]
    [InlineData("Balance $12,000", "12000.00")]
    [InlineData("(4,179.43) need not be made; payoff", "4179.43")]
    public void An_amount_is_found_in_its_own_renderings(string text, string value) =>
        Assert.Equal(Sighting.Written, ValueSearch.Of(text).Amount(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("Payoff $4,179.43 good through 11/30/2026", "4474.19")]
    [InlineData("Payoff $4,179.43", "4179.34")]
    [InlineData("Payoff $4,179.43", "179.43")]
    public void A_value_written_nowhere_is_not_found(string text, string value) =>
        Assert.Equal(Sighting.NotFound, ValueSearch.Of(text).Amount(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_misprinted_figure_or_a_missing_sign_is_a_case_it_cannot_judge()
    {
        Assert.Equal(Sighting.Unsure, ValueSearch.Of("Payoff 4,l79.43 due").Amount(4179.43m));
        Assert.Equal(Sighting.Unsure, ValueSearch.Of("Escrow balance $312.40").Amount(-312.40m));
        Assert.Equal(Sighting.Written, ValueSearch.Of("ESC BAL      312.40-").Amount(-312.40m));
        Assert.Equal(Sighting.Written, ValueSearch.Of("Escrow balance $312.40\nThis is a shortage.").Amount(-312.40m));
    }

    [Theory]
    [InlineData("good through the thirtieth of november", "2026-11-30")]
    [InlineData("valid through November 30th, 2026", "2026-11-30")]
    [InlineData("NXT DUE 113026  PD-THRU 103126", "2026-11-30")]
    [InlineData("válido hasta el 15 de diciembre de 2026", "2026-12-15")]
    [InlineData("pay by the fifteenth of december twenty twenty six", "2026-12-15")]
    [InlineData("due december twenty first", "2026-12-21")]
    [InlineData("Vence: 30/11/2026", "2026-11-30")]
    [InlineData("Due 11.30.26", "2026-11-30")]
    [InlineData("Due 2026-11-30", "2026-11-30")]
    [InlineData("Pmt due 11/30", "2026-11-30")]
    [InlineData("Fecha de vencimiento del pago: 6 abr. 2027", "2027-04-06")]
    public void A_date_is_found_in_its_own_renderings(string text, string date) =>
        Assert.Equal(Sighting.Written, ValueSearch.Of(text).Date(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), AsOf));

    [Fact]
    public void A_date_without_its_year_counts_only_near_the_document_date()
    {
        var search = ValueSearch.Of("Pmt due 11/30");

        Assert.Equal(Sighting.NotFound, search.Date(new DateOnly(2024, 11, 30), AsOf));
        Assert.Equal(Sighting.NotFound, ValueSearch.Of("due 11/30/2025").Date(new DateOnly(2026, 11, 30), AsOf));
    }

    [Fact]
    public void Rates_and_last_fours_are_found_as_numbers()
    {
        Assert.Equal(Sighting.Written, ValueSearch.Of("INT RT 06.1250").Rate(6.125m));
        Assert.Equal(Sighting.Written, ValueSearch.Of("RATE .06125  NXT DUE 05-01-26").Rate(6.125m));
        Assert.Equal(Sighting.Written, ValueSearch.Of("at six point one two five percent").Rate(6.125m));
        Assert.Equal(Sighting.Written, ValueSearch.Of("Loan 0012-345678").Last4("5678"));
        Assert.Equal(Sighting.NotFound, ValueSearch.Of("Loan 0012-345678").Last4("4567"));
    }
}
