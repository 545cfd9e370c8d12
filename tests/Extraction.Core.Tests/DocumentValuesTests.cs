using Extraction.Core.Extraction;

namespace Extraction.Core.Tests;

public sealed class DocumentValuesTests
{
    [Theory]
    [InlineData("$18,452.17", 18452.17)]
    [InlineData("18452.17", 18452.17)]
    [InlineData("USD 18,452.17", 18452.17)]
    [InlineData("$ 18,452", 18452)]
    [InlineData("-$312.40", -312.40)]
    [InlineData("($312.40)", -312.40)]
    [InlineData("312.40 (shortage)", -312.40)]
    [InlineData(" after 11/12/2026: $1.01", 1.01)]
    [InlineData(" is 4.125% and 12.00", 12.00)]
    public void Amounts_are_read_in_their_written_forms(string text, double expected) =>
        Assert.Equal((decimal)expected, DocumentValues.FirstAmount(text));

    [Theory]
    [InlineData("2026-04-03")]
    [InlineData("04/03/2026")]
    [InlineData("4/3/2026")]
    [InlineData("04-03-2026")]
    [InlineData("April 3, 2026")]
    [InlineData("Apr 3, 2026")]
    [InlineData("Apr. 3, 2026")]
    [InlineData("3 April 2026")]
    public void Dates_are_read_in_the_usual_US_and_ISO_forms(string text) =>
        Assert.Equal(new DateOnly(2026, 4, 3), DocumentValues.FirstDate($"good through {text}."));

    [Theory]
    [InlineData("April 3rd, 2026")]
    [InlineData("April 3rd 2026")]
    [InlineData("Apr. 3rd, 2026")]
    [InlineData("the 3rd of April, 2026")]
    [InlineData("3rd April 2026")]
    [InlineData("3 Apr 2026")]
    [InlineData("Friday, April 3, 2026")]
    [InlineData("Friday, April 3rd, 2026")]
    public void Dates_said_with_ordinals_weekdays_or_the_day_first_are_read_too(string text)
    {
        Assert.Equal(new DateOnly(2026, 4, 3), DocumentValues.FirstDate($"valid until {text}."));
        // A date is not an amount: its day and year are not read as money.
        Assert.Empty(DocumentValues.AllAmounts($"valid until {text}."));
    }

    [Theory]
    [InlineData("January 31st, 2026", 2026, 1, 31)]
    [InlineData("the 22nd of February 2026", 2026, 2, 22)]
    [InlineData("March 1st, 2026", 2026, 3, 1)]
    [InlineData("Sept 2nd, 2026", 2026, 9, 2)]
    public void Each_ordinal_suffix_is_read(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), DocumentValues.FirstDate(text));

    [Theory]
    [InlineData("eight thousand two hundred fourteen dollars and fifty-five cents", 8214.55)]
    [InlineData("Eight Thousand Two Hundred Fourteen Dollars and Fifty Five Cents", 8214.55)]
    [InlineData("twelve hundred dollars", 1200)]
    [InlineData("forty-two dollars", 42)]
    [InlineData("one hundred and five dollars and nine cents", 105.09)]
    [InlineData("two million three hundred thousand dollars", 2300000)]
    [InlineData("thirty-three thousand eight hundred eighty-two dollars and eight cents", 33882.08)]
    public void Amounts_said_in_words_are_read(string words, double expected)
    {
        Assert.Equal((decimal)expected, DocumentValues.FirstAmount($"The payoff is {words}, good through the end of the month."));
        Assert.Contains((decimal)expected, DocumentValues.AllAmounts($"Agent: that comes to {words}."));
    }

    [Theory]
    [InlineData("I have one question about two accounts.")]
    [InlineData("a hundred percent sure")]
    public void Number_words_that_are_not_money_are_not_amounts(string text) =>
        Assert.Empty(DocumentValues.AllAmounts(text));

    [Theory]
    [InlineData("Interest rate: 6.125%", 6.125)]
    [InlineData("Interest rate 2.611 percent", 2.611)]
    [InlineData("APR 31.86 %", 31.86)]
    public void Rates_are_read_with_a_percent_sign_or_word(string text, double expected) =>
        Assert.Equal((decimal)expected, DocumentValues.FirstPercent(text));

    [Fact]
    public void Text_without_a_value_gives_null_not_a_guess()
    {
        Assert.Null(DocumentValues.FirstAmount(" is shown below."));
        Assert.Null(DocumentValues.FirstDate(" soon"));
        Assert.Null(DocumentValues.FirstPercent(" 6.125"));
    }

    [Theory]
    [InlineData("05/04/26")]
    [InlineData("5/4/26")]
    [InlineData("05-04-26")]
    public void Dates_with_a_two_digit_year_are_read(string text)
    {
        Assert.Equal(new DateOnly(2026, 5, 4), DocumentValues.FirstDate($"Payment Due Date {text}"));
        Assert.Empty(DocumentValues.AllAmounts($"Payment Due Date {text}"));
    }

    [Theory]
    [InlineData("twenty-one thousand, three hundred and four dollars and twelve cents", 21304.12)]
    [InlineData("four hundred and sixty-one thousand five hundred and eight dollars and thirty-nine cents", 461508.39)]
    [InlineData("nine hundred dollars even", 900)]
    public void Amounts_in_words_with_commas_and_ands_are_read_whole(string words, double expected) =>
        Assert.Equal((decimal)expected, DocumentValues.FirstAmount($"your outstanding principal is {words}."));

    [Theory]
    [InlineData("Note rate 6.125 pct.", 6.125)]
    [InlineData("a rate of 5.05 per cent", 5.05)]
    public void Rates_written_pct_or_per_cent_are_rates_not_amounts(string text, double expected)
    {
        Assert.Equal((decimal)expected, DocumentValues.FirstPercent(text));
        Assert.Empty(DocumentValues.AllAmounts(text));
    }

    [Theory]
    [InlineData("ending in 5463", null)]
    [InlineData("the year 2026 and 14 days", null)]
    [InlineData("ledger 12,469.12", 12469.12)]
    [InlineData("ledger 469.12", 469.12)]
    [InlineData("USD 5463", 5463.0)]
    [InlineData("$ 5,463", 5463.0)]
    [InlineData("five thousand dollars", 5000.0)]
    public void Money_is_a_figure_with_a_currency_cents_or_separators_or_words_never_a_bare_whole_number(string text, double? expected)
    {
        Assert.Equal((decimal?)expected, DocumentValues.FirstMoney(text));
        // The grounding check is more lenient: any figure counts as stated.
        Assert.NotEmpty(DocumentValues.AllAmounts(text));
    }

    [Fact]
    public void Figures_and_words_are_read_in_the_order_they_are_written()
    {
        Assert.Equal(212.5m, DocumentValues.FirstAmount("two hundred twelve dollars and fifty cents, then $35.00"));
        Assert.Equal(35m, DocumentValues.FirstAmount("$35.00, then two hundred twelve dollars and fifty cents"));
        Assert.Equal(4.12m, DocumentValues.LastMoney("principal $12,000.00; interest accrues 4.12"));
    }

    [Theory]
    [InlineData("Prin Bal 12,345.67", "principal balance 12,345.67")]
    [InlineData("Amt Req'd to Pay in Full", "amount required to Pay in Full")]
    [InlineData("MBR ACCT 12-3456-7890", "member account 12-3456-7890")]
    [InlineData("Min. Pmt Due $35.00", "minimum payment Due $35.00")]
    [InlineData("Agent: give me 10 min to look", "Agent: give me 10 min to look")]
    public void Abbreviated_labels_are_written_out_and_values_are_untouched(string line, string expected) =>
        Assert.Equal(expected, LabelText.Expand(line));

    [Fact]
    public void An_HTML_table_with_a_header_row_is_read_as_label_value_pairs()
    {
        var lines = DocumentText.Lines("<table><tr><th>Payment Due Date</th><th>Amount Due</th></tr><tr><td>03/01/2026</td><td>$1,234.56</td></tr></table>");

        Assert.Equal(["Payment Due Date 03/01/2026 Amount Due $1,234.56"], lines);
    }
}
