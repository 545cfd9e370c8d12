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
