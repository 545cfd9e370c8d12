using Extraction.Tooling.Generation;

namespace Extraction.Core.Tests;

/// <summary>The rounds of the synthetic corpus and the names it is selected by.</summary>
public sealed class DocumentFamiliesTests
{
    [Fact]
    public void The_held_out_selection_is_the_four_rounds_measured_so_far_in_their_order()
    {
        string[] rounds = ["held-out-1", "blind-2", "blind-3", "blind-4"];

        Assert.Equal(rounds, DocumentFamilies.HeldOutRounds);
        Assert.Equal(rounds.SelectMany(r => DocumentFamilies.Round(r).Families), DocumentFamilies.Select("held-out"));
        Assert.Equal(23, DocumentFamilies.Select("held-out").Count);
        Assert.All(DocumentFamilies.Select("held-out"), f => Assert.Equal(FamilySet.HeldOut, f.Set));
    }

    [Fact]
    public void All_is_every_round_in_order_and_each_family_name_is_used_once()
    {
        Assert.Equal(["core", "development", "held-out-1", "blind-2", "blind-3", "blind-4", "blind-5", "blind-6"], DocumentFamilies.Rounds.Select(r => r.Name));
        Assert.Equal(DocumentFamilies.Rounds.SelectMany(r => r.Families), DocumentFamilies.All);
        Assert.Equal(DocumentFamilies.All.Count, DocumentFamilies.All.Select(f => f.Name).Distinct().Count());
        Assert.Equal(DocumentFamilies.All, DocumentFamilies.Select("all"));
    }

    [Fact]
    public void The_rounds_not_yet_taught_are_first_contact_and_outside_the_held_out_selection()
    {
        Assert.Equal(["blind-6"], DocumentFamilies.Rounds.Where(r => r.Status == RoundStatus.FirstContact).Select(r => r.Name));
        Assert.Empty(DocumentFamilies.Select("blind-5", "blind-6").Intersect(DocumentFamilies.Select("held-out")));
    }

    [Fact]
    public void A_selection_of_several_names_keeps_their_order_and_each_family_once()
    {
        var families = DocumentFamilies.Select("blind-4", "core", "blind-4");

        Assert.Equal(DocumentFamilies.Round("blind-4").Families.Concat(DocumentFamilies.Round("core").Families), families);
        Assert.Equal("blind-4", DocumentFamilies.RoundOf(families[0]).Name);
    }

    [Fact]
    public void An_unknown_round_or_selection_is_refused_with_the_names_there_are()
    {
        var round = Assert.Throws<ArgumentException>(() => DocumentFamilies.Round("blind-9"));
        var selection = Assert.Throws<ArgumentException>(() => DocumentFamilies.Select("core", "held-in"));

        Assert.Contains("No round 'blind-9'; the rounds are core, development, held-out-1, blind-2, blind-3, blind-4, blind-5, blind-6.", round.Message, StringComparison.Ordinal);
        Assert.Contains("No selection 'held-in'; the selections are held-out, all, core, development", selection.Message, StringComparison.Ordinal);
    }
}
