using Extraction.Core.Configuration;
using Extraction.Core.Flywheel;

namespace Extraction.Core.Tests;

public sealed class GateRulesTests
{
    private static readonly GateFigures Current = new("student-ft", 200, AnswerErrorRate: 0.08, ErrorAmongExtracted: 0.010, NeedsReviewRate: 0.05, FieldAccuracy: 0.97, LatencyP95Ms: 100, CostPer1000: 0.50m);
    private static readonly GateOptions Defaults = new() { MinGoldAccounts = 50 };

    [Fact]
    public void A_candidate_as_good_as_the_student_within_every_margin_passes()
    {
        var candidate = Current with { Deployment = "student-ftjob-1", ErrorAmongExtracted = 0.010, AnswerErrorRate = 0.089, LatencyP95Ms = 145, CostPer1000 = 0.55m };

        Assert.Empty(GateRules.Judge(Current, candidate, 200, Defaults));
    }

    [Theory]
    [InlineData("error", "error among extracted 1.10% against 1.00% (allowed +0.00%)")]
    [InlineData("answers", "its own answers wrong 9.10% against 8.00% (allowed +1.00%)")]
    [InlineData("latency", "p95 latency 146 ms against 100 ms (allowed up to 145 ms)")]
    [InlineData("cost", "cost $0.5501 per 1,000 against $0.5000 (allowed up to $0.5500)")]
    public void Each_rule_just_past_its_margin_refuses_and_says_both_figures(string rule, string reason)
    {
        var candidate = rule switch
        {
            "error" => Current with { ErrorAmongExtracted = 0.011 },
            "answers" => Current with { AnswerErrorRate = 0.091 },
            "latency" => Current with { LatencyP95Ms = 146 },
            _ => Current with { CostPer1000 = 0.5501m },
        };

        Assert.Equal([reason], GateRules.Judge(Current, candidate, 200, Defaults));
    }

    [Fact]
    public void A_gold_set_below_its_minimum_decides_nothing()
    {
        var reasons = GateRules.Judge(Current, Current, 49, Defaults);

        Assert.Equal(["the gold set has 49 accounts, fewer than the 50 a decision needs (Training:Gate:MinGoldAccounts)"], reasons);
    }

    [Theory]
    [InlineData("job-000123", "student-job-000123")]
    [InlineData("ftjob:abc/def", "student-ftjob-abc-def")]
    public void A_candidate_deployment_is_the_prefix_and_the_job_id_in_the_characters_a_deployment_allows(string jobId, string name)
    {
        Assert.Equal(name, FollowJob.DeploymentName("student-", jobId));
        Assert.Equal(64, FollowJob.DeploymentName("student-", new string('a', 100)).Length);
    }
}
