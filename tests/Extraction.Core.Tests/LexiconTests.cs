using System.Text.RegularExpressions;
using Extraction.Core.Extraction;

namespace Extraction.Core.Tests;

/// <summary>The normaliser's words are defined once; the pattern every date reader uses holds to the month list.</summary>
public sealed class LexiconTests
{
    private static readonly Regex WholeMonth = new($"^(?:{Lexicon.MonthPattern})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [Fact]
    public void The_month_pattern_reads_each_month_written_out_and_as_its_first_three_letters_and_nothing_else()
    {
        Assert.Equal(12, Lexicon.Months.Length);
        Assert.All(Lexicon.Months, m => Assert.Matches(WholeMonth, m));
        Assert.All(Lexicon.Months, m => Assert.Matches(WholeMonth, m[..3]));
        Assert.Matches(WholeMonth, "Sept");
        Assert.DoesNotMatch(WholeMonth, "Janu");
        Assert.DoesNotMatch(WholeMonth, "Mayo");
    }

    [Theory]
    [InlineData("November", 11)]
    [InlineData("nov", 11)]
    [InlineData("Sept", 9)]
    [InlineData("diciembre", 12)]
    [InlineData("abr", 4)]
    [InlineData("setiembre", 9)]
    [InlineData("may", 5)]
    [InlineData("ago", 8)]
    [InlineData("novel", 0)]
    [InlineData("set", 0)]
    public void A_month_is_named_in_english_or_spanish(string word, int month) => Assert.Equal(month, Lexicon.Month(word));

    [Fact]
    public void Number_words_ordinals_and_digits_come_from_the_same_lists()
    {
        Assert.Equal(20, Lexicon.Units.Length);
        Assert.Equal(99, AmountWords.Number("ninety-nine"));
        Assert.Equal(19, AmountWords.Number(Lexicon.Units[^1]));
        Assert.Equal(30, Lexicon.Ordinals["thirtieth"]);
        Assert.Equal(20, Lexicon.Ordinals["twentieth"]);
        Assert.Equal(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"], Lexicon.Digits);
    }
}
