using Extraction.Core.Extraction;
using Extraction.Core.Models;

namespace Extraction.Core.Tests;

/// <summary>The rules' version follows from what they read with, so a change cannot ship under the old name.</summary>
public sealed class RulesVersionTests
{
    [Fact]
    public void The_version_is_the_hash_of_the_rules_patterns_and_words()
    {
        // If this fails, a pattern, word list or constant of the rules or the normaliser changed (or LogicRevision
        // was raised): results the rules make from now on carry the new version. Check the change is meant, then pin it.
        Assert.Equal("rules-8af50836", RulesExtractionModel.Version);
        Assert.Equal($"rules-{RulesVersion.Fingerprint()[..8]}", RulesVersion.Current);
    }

    [Fact]
    public void The_fingerprint_covers_every_reader_of_the_rules_and_is_stable_within_a_process()
    {
        var description = RulesVersion.Description();

        Assert.Contains("RuleLabels.PayoffAmountLabel=", description, StringComparison.Ordinal);
        Assert.Contains("DocumentValues.AmountPattern=", description, StringComparison.Ordinal);
        Assert.Contains("Lexicon.MonthNames=january|", description, StringComparison.Ordinal);
        Assert.Contains("LabelText.Words=", description, StringComparison.Ordinal);
        Assert.True(description.Split('\n').Length > 60, $"{description.Split('\n').Length} lines");
        Assert.Equal(description, RulesVersion.Description());
    }
}
