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
}
