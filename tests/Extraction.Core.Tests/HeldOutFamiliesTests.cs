using Extraction.Core.Configuration;
using Extraction.Tooling.Evaluation;
using Extraction.Tooling.Generation;

namespace Extraction.Core.Tests;

/// <summary>
/// The goals of docs/quality.md on a fixed seed: catch ≥ 99.5 %, right answers flagged ≤ 1 %,
/// needs_review with a perfect teacher ≤ 1 %, rules wrong &lt; 1 % and recall ≥ 90 % per field — on the
/// held-out families (never tuned to one by one) as well as on those the rules were written against. The held-out
/// part is the named selection, so a round added later changes nothing these tests measure.
/// </summary>
public sealed class HeldOutFamiliesTests
{
    private const int PerPart = 1_500;
    private const int Seed = 14;

    private static readonly Lazy<(CorpusFigures Developed, CorpusFigures HeldOut, IReadOnlyList<(DocumentFamily Family, CorpusFigures Figures)> Families)> Measured =
        new(() => CorpusReport.Measure(PerPart, Seed));

    [Fact]
    public void The_held_out_families_meet_every_goal()
    {
        var heldOut = Measured.Value.HeldOut;

        Assert.Equal(PerPart, heldOut.Documents);
        Assert.Empty(CorpusReport.Misses("held-out", heldOut));
    }

    [Fact]
    public void The_families_the_rules_were_written_against_meet_every_goal() =>
        Assert.Empty(CorpusReport.Misses("core + development", Measured.Value.Developed));

    [Fact]
    public void Every_held_out_family_is_in_the_measurement_and_none_is_flagged_more_than_the_goal()
    {
        var heldOutFamilies = DocumentFamilies.Select("held-out");
        var heldOut = Measured.Value.Families.Where(f => heldOutFamilies.Contains(f.Family)).ToList();

        Assert.Equal(heldOutFamilies.Count, heldOut.Count);
        Assert.All(heldOut, f => Assert.True(f.Figures.Documents >= 50, $"{f.Family.Name}: {f.Figures.Documents} documents"));
        Assert.All(heldOut, f => Assert.True(f.Figures.CleanFlaggedRate <= 0.02, $"{f.Family.Name}: {string.Join(" | ", f.Figures.Flags.Take(3))}"));
    }

    [Fact]
    public void A_teacher_that_echoes_the_students_mistakes_is_played_through_the_same_agreement_rule_as_the_pipeline()
    {
        var heldOut = Measured.Value.HeldOut;

        // A perfect teacher lets no wrong answer through here; an echoing one does where it settles a doubt (the cost
        // docs/quality.md reports) and sends the rest of its echoes to review.
        Assert.Equal(0, heldOut.ExtractedWrong);
        Assert.InRange(heldOut.EchoExtractedWrong, 1, heldOut.EchoExtracted / 50);
        Assert.True(heldOut.EchoNeedsReview > heldOut.NeedsReview, $"{heldOut.EchoNeedsReview} against {heldOut.NeedsReview}");
    }

    [Fact]
    public void A_checks_precision_weighs_its_failures_on_wrong_answers_against_those_on_right_ones_at_the_students_error_rate()
    {
        var tally = new CheckTally(FailedRight: 10, FailedWrong: 500);

        // 0.15 × 50 % against 0.85 × 1 %: 0.075 / 0.0835.
        Assert.Equal(0.898, tally.Precision(rightSeen: 1_000, wrongSeen: 1_000, errorShare: 0.15), 3);
        Assert.Equal(0.5, tally.Recall(1_000));
        Assert.Equal(1.0, new CheckTally(0, 0).Precision(1_000, 1_000, 0.15));
    }

    [Fact]
    public void Without_the_second_opinion_the_catch_rate_misses_its_goal_so_the_measurement_can_fail()
    {
        var accounts = new SyntheticBatchGenerator(Seed + 1, families: DocumentFamilies.Select("held-out")).Generate(300);

        var figures = CorpusMeasurement.Measure(accounts, options: new ChecksOptions { SecondOpinion = false });

        Assert.Contains(CorpusReport.Misses("held-out", figures), m => m.Contains("caught", StringComparison.Ordinal));
    }

    [Fact]
    public void The_core_corpus_of_a_seed_did_not_move_when_families_were_added()
    {
        // SHA-256 of the first 200 lines of seed 3, written by the generator before families existed (f99d950):
        // the figures in docs and tests that name a seed still describe the same documents.
        var lines = new SyntheticBatchGenerator(seed: 3).Generate(200).Select(a => a.Line + "\n");

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Concat(lines))));

        Assert.Equal("50c8fcd2aa46b5c84b7fc4a5143fed8153e052ba1920f8d364d97cd7f596ebcc", hash);
    }
}
